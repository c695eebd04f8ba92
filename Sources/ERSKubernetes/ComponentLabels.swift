import ERSRender

/// The labels of one component (a service or a datastore) and of every object rendered for it:
/// the recommended `app.kubernetes.io/*` labels (Kubernetes documentation, "Recommended
/// Labels") on top of the spec's own `labels`.
///
/// - `app.kubernetes.io/name`: the service or datastore name (`auth`, `postgres`).
/// - `app.kubernetes.io/instance`: `<system name>-<environment>` (`ers-production`): which
///   deployment of the system this is. Fixed for the life of an environment.
/// - `app.kubernetes.io/component`: the role: `gateway`, `api` (a gateway route or the
///   gateway's `auth_request` targets it), `backend` (other services), `database`
///   (PostgreSQL), `cache` (Redis).
/// - `app.kubernetes.io/part-of`: the system name (`ers`).
/// - `app.kubernetes.io/version`: the image tag, left out when the tag is not a valid label
///   value (longer than 63 characters).
/// - `app.kubernetes.io/managed-by`: `ersctl`.
///
/// The selector is only `name` and `instance`: labels that never change for the life of a
/// Deployment or StatefulSet, whose selector is immutable.
struct ComponentLabels: Sendable {
    /// `app.kubernetes.io/name`.
    static let nameKey = "app.kubernetes.io/name"
    /// `app.kubernetes.io/instance`.
    static let instanceKey = "app.kubernetes.io/instance"
    /// `app.kubernetes.io/component`.
    static let componentKey = "app.kubernetes.io/component"
    /// `app.kubernetes.io/part-of`.
    static let partOfKey = "app.kubernetes.io/part-of"
    /// `app.kubernetes.io/version`.
    static let versionKey = "app.kubernetes.io/version"
    /// `app.kubernetes.io/managed-by`.
    static let managedByKey = "app.kubernetes.io/managed-by"
    /// The `managed-by` value.
    static let managedBy = "ersctl"

    /// The component's name.
    let name: String
    /// The system instance, `<system>-<environment>`.
    let instance: String
    /// The component's role.
    let component: String
    /// The image tag, when it is a valid label value.
    let version: String?
    /// Every label, for object metadata and pod templates (the spec's extra labels, then the
    /// recommended ones, which win on a clash).
    let all: [String: String]
    /// The selector labels: `name` and `instance`, nothing that changes with a release.
    let selector: [String: String]
    /// ``all`` as a mapping sorted by key (built once, used by every object of the component).
    let sortedAll: YAMLValue
    /// ``selector`` as a mapping sorted by key.
    let sortedSelector: YAMLValue

    /// The labels of the component `name` with role `component` in `instance` of the system
    /// `partOf`, with the spec's `extra` labels.
    init(name: String, instance: String, component: String, partOf: String, version: String?, extra: [String: String]) {
        self.name = name
        self.instance = instance
        self.component = component
        self.version = version
        var labels = extra
        labels[ComponentLabels.nameKey] = name
        labels[ComponentLabels.instanceKey] = instance
        labels[ComponentLabels.componentKey] = component
        labels[ComponentLabels.partOfKey] = partOf
        labels[ComponentLabels.managedByKey] = ComponentLabels.managedBy
        if let version { labels[ComponentLabels.versionKey] = version }
        all = labels
        selector = ComponentLabels.selector(name: name, instance: instance)
        sortedAll = .sortedMapping(labels)
        sortedSelector = .sortedMapping(selector)
    }

    /// The selector labels of the component called `name` in `instance`.
    static func selector(name: String, instance: String) -> [String: String] {
        [nameKey: name, instanceKey: instance]
    }
}
