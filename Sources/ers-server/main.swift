import ERSServerCommands

await ERSServer.runAsMain()
