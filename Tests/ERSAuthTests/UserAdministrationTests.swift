import ERSAuth
import Testing

@Suite("User administration")
struct UserAdministrationTests {
    /// Regression: adding a name that a disabled user holds used to answer "pick another name
    /// (or disable the old user first)" — but the old user was disabled already, and disabling
    /// never frees a name. The message must not send the operator that way.
    @Test(.timeLimit(.minutes(2))) func aDisabledUsersNameStaysTakenAndTheMessageSaysSo() async throws {
        guard let harness = try await AuthHarness.start() else { return }
        let name = AuthHarness.uniqueName("taken"), password = "correct horse battery staple"
        _ = try await harness.administration.add(username: name, password: password, roles: ["viewer"])
        _ = try await harness.administration.disable(username: name)
        do {
            _ = try await harness.administration.add(username: name, password: password, roles: ["viewer"])
            Issue.record("a disabled user's name was given out again")
        } catch let error as UserAdministrationError {
            #expect(error == .exists(name))
            #expect(error.description.contains("a disabled user keeps its name"), "\(error)")
            #expect(!error.description.contains("disable the old user first"), "\(error)")
        }
        await harness.stop()
    }
}
