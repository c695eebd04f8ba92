import ERSCollectors
import ERSFleet
import ERSJobs

extension ClaimedJob {
    /// The job's host as a collector target, validated again from the row as stored: the
    /// table may have been written around the API (`psql`, a restore), so a name or address
    /// that is not a ``HostAddress`` (one beginning with `-`, such as
    /// `-oProxyCommand=touch /tmp/owned`), a bad port, transport or SSH user never reaches a
    /// collector.
    /// - Throws: a permanent ``JobFailure`` saying which field of which row is wrong and how to fix it.
    func validatedTarget() throws(JobFailure) -> CollectionTarget {
        guard let host else {
            throw JobFailure(.permanent, "host \"\(hostname)\" was deleted after the collection started; nothing to collect")
        }
        let row = "hosts row \(host.id)"
        let fix = "the row was not written through the API; correct it (PUT /api/v1/hosts/\(host.id)) or delete it"
        if host.disabled { throw JobFailure(.permanent, "\(row) (\(host.name)) is disabled; enable it to collect from it") }
        let name: HostAddress, address: HostAddress
        do { name = try HostAddress(host.name) } catch { throw JobFailure(.permanent, "\(row): name: \(error); \(fix)") }
        do { address = try HostAddress(host.address) } catch { throw JobFailure(.permanent, "\(row): address: \(error); \(fix)") }
        guard let transport = Transport(rawValue: host.transport) else {
            throw JobFailure(.permanent, "\(row): transport \"\(host.transport)\" is not ssh, http or local; \(fix)")
        }
        guard transport == .local || (1...65535).contains(host.port) else {
            throw JobFailure(.permanent, "\(row): port \(host.port) is outside 1–65535; \(fix)")
        }
        var user: SSHUser?
        if let text = host.sshUser {
            do { user = try SSHUser(text) } catch { throw JobFailure(.permanent, "\(row): ssh_user: \(error); \(fix)") }
        }
        return CollectionTarget(name: name, address: address, port: host.port, transport: transport, sshUser: user)
    }
}
