public import ERSModel

/// The ordered host steps of a release of `service` (a pure function of its rollout strategy):
///
/// - canary: deploy, then the spec's `setWeight` and `pause` steps in order, `setWeight 100`
///   when the last weight is below 100 (the promotion), scale down.
/// - blueGreen: deploy, preview (with `preview` and `testRouting`), a pause of
///   `autoPromotionSeconds` or until promoted, `setWeight 100` (the switch, one reload), scale
///   down.
///
/// Nil for a rolling service, which has no host release.
public func hostSteps(of rollout: RolloutStrategy) -> [HostStep]? {
    switch rollout.strategy {
    case .rolling:
        return nil
    case .canary:
        let canary = rollout.canary ?? CanaryStrategy(steps: [])
        var steps: [HostStep] = [.deploy]
        for step in canary.steps {
            if let weight = step.setWeight {
                steps.append(.setWeight(weight))
            } else if let pause = step.pause {
                steps.append(.pause(seconds: pause.durationSeconds))
            }
        }
        if (canary.weights.last ?? 0) < 100 { steps.append(.setWeight(100)) }
        steps.append(.scaleDown(delaySeconds: canary.effectiveScaleDownDelaySeconds))
        return steps
    case .blueGreen:
        let blueGreen = rollout.blueGreen ?? BlueGreenStrategy()
        var steps: [HostStep] = [.deploy]
        if blueGreen.effectivePreview, rollout.testRouting != nil { steps.append(.preview) }
        steps.append(.pause(seconds: blueGreen.autoPromotionSeconds))
        steps.append(.setWeight(100))
        steps.append(.scaleDown(delaySeconds: blueGreen.effectiveScaleDownDelaySeconds))
        return steps
    }
}
