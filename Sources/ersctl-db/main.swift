print("ersctl-db: not built yet")
