extension SystemSpec {
    /// Checks everything a spec's structure cannot: names and lengths as the API server checks
    /// them, quantities, autoscaling bounds, disruption budgets, images, and references across
    /// the spec (routes, datastores, probe ports, `$(VAR)`), and rollout strategies. Returns every problem found, in
    /// spec order, each with the field path it is about; empty when the spec is sound.
    public func validate() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        diagnostics += validateNames()
        diagnostics += validateImages()
        diagnostics += validateResources()
        diagnostics += validateScaling()
        diagnostics += validateDatastores()
        diagnostics += validateEnvironmentReferences()
        diagnostics += validateReferences()
        diagnostics += validateCollisions()
        diagnostics += validateSchedulesAndHosts()
        diagnostics += validateRollouts()
        return diagnostics
    }
}
