import ERSServerCommands

await ERSServer.main()
