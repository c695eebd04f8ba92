import ERSRender

extension RenderContext {
    /// `topologySpreadConstraints`: spread the component's pods across zones
    /// (`topology.kubernetes.io/zone`) and nodes (`kubernetes.io/hostname`), `maxSkew` 1,
    /// `ScheduleAnyway` (a soft preference: a single-zone cluster still schedules).
    /// `matchLabelKeys: [pod-template-hash]` (Deployments only) spreads each revision on its
    /// own during a rollout. API reference: "TopologySpreadConstraint".
    func topologySpread(selector: ComponentLabels, perRevision: Bool) -> YAMLValue {
        let keys = ["topology.kubernetes.io/zone", "kubernetes.io/hostname"]
        return .sequence(
            keys.map { key in
                [
                    "maxSkew": 1,
                    "topologyKey": .string(key),
                    "whenUnsatisfiable": "ScheduleAnyway",
                    "labelSelector": labelSelector(selector),
                    "matchLabelKeys": perRevision ? ["pod-template-hash"] : nil,
                ]
            })
    }
}
