/// The collection system's PostgreSQL data (being built: issue 7).
public enum JobsModule {}
