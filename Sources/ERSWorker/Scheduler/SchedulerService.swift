public import ERSJobs
public import Foundation
public import Logging
public import ServiceLifecycle

/// `ers-server scheduler`: starts the scheduled collections. Any number of replicas may run;
/// one leads at a time through the `scheduler_leases` row (``SchedulerLease``): a replica
/// acquires the lease when it is free or expired (term + 1), renews it every `renewSeconds`
/// while leading, and steps down as soon as a renewal or a fenced insert fails. Each due time of
/// each schedule (UTC, cron) within the last `catchUpSeconds` becomes one collection, created
/// with ``CollectionQueue/start(reportType:hosts:requestedBy:schedule:)``: fenced by the term
/// and unique per (schedule, due time), so even two replicas that both believe they lead
/// create each run once.
///
/// A due time whose selector matches no enabled host creates nothing (no empty collection):
/// the leader logs one warning for it and remembers it in memory as done, so later rounds
/// neither retry nor log it again. Nothing is written for it, so a replica that takes over
/// the lead within `catchUpSeconds` evaluates it once more (logging once more, or starting it
/// if matching hosts were enabled meanwhile).
public final class SchedulerService: Service, Sendable {
    /// The lease row's name.
    public static let leaseName = "scheduler"

    let schedules: [CollectionScheduleEntry]
    let collections: CollectionQueue
    let lease: SchedulerLease
    let holder: String
    let leaseSeconds: Double
    let renewSeconds: Double
    let catchUpSeconds: Double
    let logger: Logger
    let state = SchedulerState()

    public init(schedules: [CollectionScheduleEntry], collections: CollectionQueue, lease: SchedulerLease, holder: String,
                leaseSeconds: Double = 15, renewSeconds: Double = 5, catchUpSeconds: Double = 600, logger: Logger) {
        self.schedules = schedules
        self.collections = collections
        self.lease = lease
        self.holder = holder
        self.leaseSeconds = leaseSeconds
        self.renewSeconds = min(renewSeconds, leaseSeconds / 2)
        self.catchUpSeconds = catchUpSeconds
        self.logger = logger
    }

    /// The lease held now, if this replica leads.
    public var currentLease: LeaseClaim? { get async { await state.claim } }

    /// Runs until a graceful shutdown, then gives the lease up so another replica takes over at once.
    public func run() async throws {
        logger.info("scheduler starting", metadata: ["holder": "\(holder)", "schedules": "\(schedules.map(\.name))"])
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.tick(now: Date())
                try? await Task.sleep(for: .seconds(self.renewSeconds))
            }
        }
        if let claim = await state.claim {
            try? await lease.release(claim)
            logger.info("scheduler stopped; lease released", metadata: ["term": "\(claim.term)"])
        }
    }

    /// One round: keep or take the lease, then create the runs due by `now`.
    public func tick(now: Date) async {
        do {
            guard let claim = try await leadership() else { return }
            for schedule in schedules {
                for due in schedule.cron.dueTimes(after: now.addingTimeInterval(-catchUpSeconds), through: now) {
                    guard await !state.isDone(schedule.name, due) else { continue }
                    let result = try await collections.start(
                        reportType: schedule.reportType, hosts: .selector(schedule.selector), requestedBy: "scheduler",
                        schedule: ScheduledRun(name: schedule.name, scheduledFor: due, lease: claim))
                    switch result {
                    case .started(let id, let jobs):
                        logger.info("scheduled collection started", metadata: [
                            "schedule": "\(schedule.name)", "due": "\(due)", "collection.id": "\(id)", "jobs": "\(jobs)"])
                        await state.markDone(schedule.name, due)
                    case .alreadyScheduled:
                        await state.markDone(schedule.name, due)
                    case .noMatchingHosts:
                        // Nothing to create; marked done in memory so it is not retried (nor logged) every round.
                        logger.warning("scheduled run skipped: no enabled host matches its selector; no collection created", metadata: [
                            "schedule": "\(schedule.name)", "due": "\(due)", "selector": "\(schedule.selector.description)"])
                        await state.markDone(schedule.name, due)
                    case .notLeader:
                        logger.warning("lost the lease while starting a run; stepping down", metadata: ["term": "\(claim.term)"])
                        await state.set(nil)
                        return
                    }
                }
            }
            await state.forget(before: now.addingTimeInterval(-catchUpSeconds - 60))
        } catch {
            logger.warning("scheduler round failed; retrying", metadata: ["error": "\(error)"])
        }
    }

    /// Renews the lease held, or acquires a free one; nil when another replica leads.
    func leadership() async throws -> LeaseClaim? {
        if let claim = await state.claim {
            if try await lease.renew(claim, seconds: leaseSeconds) { return claim }
            logger.warning("lease renewal failed; stepping down", metadata: ["term": "\(claim.term)"])
            await state.set(nil)
            return nil
        }
        guard let claim = try await lease.acquire(Self.leaseName, holder: holder, seconds: leaseSeconds) else { return nil }
        logger.notice("leading", metadata: ["term": "\(claim.term)"])
        await state.set(claim)
        return claim
    }
}

/// The scheduler's mutable state: the lease held and the runs known to exist.
actor SchedulerState {
    var claim: LeaseClaim?
    private var done: [String: Set<Date>] = [:]

    func set(_ claim: LeaseClaim?) { self.claim = claim }
    func isDone(_ name: String, _ due: Date) -> Bool { done[name]?.contains(due) ?? false }
    func markDone(_ name: String, _ due: Date) { done[name, default: []].insert(due) }
    func forget(before limit: Date) {
        for name in done.keys { done[name] = done[name]?.filter { $0 >= limit } }
    }
}
