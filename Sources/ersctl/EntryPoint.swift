import ERSCtlCommands

/// The `ersctl` executable: everything lives in ERSCtlCommands.
@main
enum EntryPoint {
    static func main() async {
        await ERSCtl.main()
    }
}
