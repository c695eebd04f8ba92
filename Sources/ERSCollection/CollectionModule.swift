/// The collection role's HTTP API (being built: issue 7).
public enum CollectionModule {}
