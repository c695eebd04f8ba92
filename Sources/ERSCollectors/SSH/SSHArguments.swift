#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds ssh's argument vector. Every option comes first, then `--`, then the host, then the
/// remote command `sh -s`: whatever text `host` holds (even `-oProxyCommand=…`), ssh reads it
/// as the destination, never as an option (ssh(1) uses getopt(3): `--` ends the options).
enum SSHArguments {
    /// - Parameters:
    ///   - host: address text (a ``HostAddress``'s text; any text is placed after `--`).
    ///   - hostKeyAlgorithms: value for `HostKeyAlgorithms` (fast profile), nil to leave it.
    static func build(_ configuration: SSHConfiguration, host: String, port: Int, user: String?,
                      hostKeyAlgorithms: String?) -> [String] {
        var arguments = ["-F", configuration.configFile, "-T", "-x", "-a"]
        var options = [
            "BatchMode=yes", "StrictHostKeyChecking=yes",
            "UserKnownHostsFile=\(configuration.knownHostsFile)", "GlobalKnownHostsFile=/dev/null",
            "ConnectTimeout=\(configuration.connectTimeoutSeconds)", "ConnectionAttempts=1",
            "ServerAliveInterval=\(max(configuration.connectTimeoutSeconds, 5))", "ServerAliveCountMax=2",
            "GSSAPIAuthentication=no", "UpdateHostKeys=no", "CheckHostIP=no", "ClearAllForwardings=yes",
            "PermitLocalCommand=no", "LogLevel=ERROR",
        ]
        if let identity = configuration.identityFile {
            options += ["IdentityFile=\(identity)", "IdentitiesOnly=yes", "PasswordAuthentication=no",
                        "KbdInteractiveAuthentication=no"]
        }
        if configuration.cryptoProfile == .fast {
            options += ["KexAlgorithms=ecdh-sha2-nistp256,curve25519-sha256,curve25519-sha256@libssh.org",
                        "Ciphers=aes128-gcm@openssh.com,chacha20-poly1305@openssh.com", "Compression=no"]
            if let hostKeyAlgorithms { options.append("HostKeyAlgorithms=\(hostKeyAlgorithms)") }
        }
        if let reuse = configuration.connectionReuse {
            options += ["ControlMaster=auto", "ControlPath=\(reuse.directory)/%C", "ControlPersist=\(reuse.persistSeconds)"]
        }
        for option in options { arguments += ["-o", option] }
        arguments += ["-p", String(port)]
        if let user { arguments += ["-l", user] }
        arguments += ["--", host, "sh", "-s"]
        return arguments
    }
}

/// The real user id of this process (for the default control directory).
func currentUserID() -> UInt32 { UInt32(getuid()) }
