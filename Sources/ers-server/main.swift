print("ers-server: not built yet")
