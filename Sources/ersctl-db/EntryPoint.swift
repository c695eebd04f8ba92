import ERSDatabaseCommands

/// The `ersctl-db` executable: everything lives in ERSDatabaseCommands.
@main
enum EntryPoint {
    static func main() async {
        await ERSCtlDB.main()
    }
}
