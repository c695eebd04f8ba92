import ERSRender

extension RenderContext {
    /// The pod `securityContext` of the "restricted" Pod Security Standard: run as `user`
    /// (UID, GID and `fsGroup`, so mounted secrets and volumes are readable through the group),
    /// never as root, with the runtime's default seccomp profile. `fsGroupChangePolicy:
    /// OnRootMismatch` spares a recursive walk of large data volumes on every start.
    /// API reference: "PodSecurityContext".
    func podSecurityContext(user: Int, changeGroupOnRootMismatch: Bool = false) -> YAMLValue {
        [
            "runAsUser": .int(user),
            "runAsGroup": .int(user),
            "runAsNonRoot": true,
            "fsGroup": .int(user),
            "fsGroupChangePolicy": changeGroupOnRootMismatch ? "OnRootMismatch" : nil,
            "seccompProfile": ["type": "RuntimeDefault"],
        ]
    }

    /// The container `securityContext` of the "restricted" Pod Security Standard plus a
    /// read-only root filesystem: every capability dropped, not privileged, no privilege
    /// escalation, non-root. API reference: "SecurityContext".
    var containerSecurityContext: YAMLValue {
        [
            "capabilities": ["drop": ["ALL"]],
            "privileged": false,
            "runAsNonRoot": true,
            "readOnlyRootFilesystem": true,
            "allowPrivilegeEscalation": false,
        ]
    }
}
