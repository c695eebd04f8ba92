import Testing

/// Every test that runs nginx, the test servers and wrk, one suite at a time: they measure
/// splits and connection resets, which other load on the machine would distort.
@Suite(.serialized, .enabled(if: LiveRequirements.shouldRun, "needs nginx, python3 and wrk (required when CI is set)"))
enum LiveRollouts {}
