public import ERSFleet
public import Foundation

/// Which hosts a collection covers. Disabled hosts (`hosts.disabled`) are never included.
public enum HostChoice: Sendable, Hashable {
    /// These hosts (`hosts.id`); ids that do not exist or are disabled get no job.
    case ids([Int64])
    /// Every host whose labels match (the empty selector: every host).
    case selector(LabelSelector)
}

/// A scheduled run of a collection schedule: at most one per `(name, scheduledFor)`
/// (`collections_schedule_key`), and only while the scheduler holding `term` still leads.
public struct ScheduledRun: Sendable, Hashable {
    /// The schedule's name (`collectionSchedules[].name`).
    public var name: String
    /// The cron time this run is for (UTC, whole minutes).
    public var scheduledFor: Date
    /// The scheduler's lease: the row name in `scheduler_leases`, the holder and its term.
    public var lease: LeaseClaim

    public init(name: String, scheduledFor: Date, lease: LeaseClaim) {
        self.name = name
        self.scheduledFor = scheduledFor
        self.lease = lease
    }
}

/// A held leader lease: the `scheduler_leases` row, its holder and the term it was acquired in.
/// Every write of the leader presents it, so a former leader (older term) writes nothing.
public struct LeaseClaim: Sendable, Hashable {
    /// `scheduler_leases.name`.
    public var name: String
    /// `scheduler_leases.holder`: this scheduler's identity (host name and process id).
    public var holder: String
    /// `scheduler_leases.term`, raised by each new acquisition.
    public var term: Int64

    public init(name: String, holder: String, term: Int64) {
        self.name = name
        self.holder = holder
        self.term = term
    }
}
