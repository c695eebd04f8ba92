import ERSFleet
import Testing

@Suite("HostAddress")
struct HostAddressTests {
    @Test(arguments: ["db-1.example.com", "localhost", "a", "127.0.0.1", "10.0.0.255", "::1", "2001:db8::42", "xn--bcher-kva.example"])
    func acceptsDNSNamesAndIPAddresses(_ text: String) throws {
        #expect(try HostAddress(text).text == text)
    }

    @Test func tellsTheKinds() throws {
        #expect(try HostAddress("127.0.0.1").kind == .ipv4)
        #expect(try HostAddress("fe80::1").kind == .ipv6)
        #expect(try HostAddress("web").kind == .dnsName)
    }

    @Test(arguments: [
        ("-oProxyCommand=touch /tmp/owned", "begins with '-'"),
        ("-", "begins with '-'"),
        ("", "is empty"),
        ("host name", "contains ' '"),
        ("a..b", "empty label"),
        ("a.", "empty label"),
        ("-a.example", "begins with '-'"),
        ("a-.example", "ends with '-'"),
        ("a;rm -rf", "contains ';'"),
        ("256.1.1.1", "not a valid one"),
        ("[::1]", "not a valid IPv6"),
        ("host\nname", "byte 0xa"),
    ])
    func refuses(_ text: String, _ reason: String) {
        #expect {
            try HostAddress(text)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test func refusesOverlongNamesAndLabels() {
        #expect(throws: HostAddressError.self) { try HostAddress(String(repeating: "a", count: 64) + ".example") }
        #expect(throws: HostAddressError.self) { try HostAddress(Array(repeating: "abcdefgh", count: 32).joined(separator: ".")) }
    }

    @Test func sshUsers() throws {
        #expect(try SSHUser("ers").name == "ers")
        #expect(try SSHUser("_svc-1").name == "_svc-1")
        for bad in ["", "-oFoo", "Root", "a b", String(repeating: "a", count: 33)] {
            #expect(throws: HostAddressError.self) { try SSHUser(bad) }
        }
    }
}
