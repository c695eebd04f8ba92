/// Collecting a system report from one host (being built: issue 7).
public enum CollectorsModule {}
