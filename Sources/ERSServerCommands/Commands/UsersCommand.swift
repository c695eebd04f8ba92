import ArgumentParser
import ERSAuth
import ERSCollection
import Foundation

/// `ers-server users add|disable|list`.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage the users the auth service logs in (DATABASE_URL; changes go to audit_logs).",
        subcommands: [Add.self, Disable.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user. The password comes from --password-file or standard input, never from an argument.",
            discussion: "Example: printf '%s' \"$PASSWORD\" | ers-server users add alice --role admin"
        )

        @Argument(help: "User name: 1–100 of a-z 0-9 . _ @ - (stored lower-case).")
        var username: String

        @Option(name: .customLong("role"), help: "A role (repeat for several): a-z 0-9 _ -. The collection API knows viewer, operator, admin.")
        var roles: [String] = []

        @Option(help: "Read the password from this file instead of standard input.")
        var passwordFile: String?

        func run() async throws {
            let password: String
            do {
                password = try PasswordInput.read(file: passwordFile)
            } catch {
                printError("\(error)")
                throw ExitCodes.usage
            }
            let username = self.username, roles = self.roles
            let user = try await withUserAdministration { try await $0.add(username: username, password: password, roles: roles) }
            print("added \(user.username) roles=\(user.roles.joined(separator: ","))")
            if Role.highest(of: user.roles) == nil {
                // Other services may use other role names, so they are not refused; but say it.
                let known = Role.allCases.map(\.description).joined(separator: ", ")
                printError("warning: \(user.username) has no role the collection API knows (\(known)): the user can log in, but every /api/v1 route answers 403 (ers-server users has no command to change roles yet: UPDATE users SET roles = '{viewer}' WHERE username = '\(user.username)')")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user and end its sessions (in Redis, when REDIS_URL is set).")

        @Argument(help: "User name.")
        var username: String

        func run() async throws {
            let username = self.username
            let ended = try await withUserAdministration { try await $0.disable(username: username) }
            print("disabled \(username.lowercased()); \(ended) session(s) ended")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users: name, roles, state, creation time (never hashes).")

        func run() async throws {
            let users = try await withUserAdministration { try await $0.list() }
            for user in users {
                let created = user.createdAt.formatted(.iso8601)
                print("\(user.username)\t\(user.roles.joined(separator: ","))\t\(user.disabled ? "disabled" : "active")\t\(created)")
            }
        }
    }
}
