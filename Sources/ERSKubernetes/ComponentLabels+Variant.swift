import ERSRender

extension ComponentLabels {
    /// These labels with `key: value` added to every label and to the selector (a slot's or
    /// track's pods and the Deployment selecting them).
    func adding(_ key: String, _ value: String) -> ComponentLabels {
        var all = all
        all[key] = value
        var selector = selector
        selector[key] = value
        return ComponentLabels(name: name, instance: instance, component: component, version: version, all: all, selector: selector)
    }

    /// These labels with `key: value` added to the selector only (a Service that selects one
    /// slot or track, while its own labels stay the component's).
    func selecting(_ key: String, _ value: String) -> ComponentLabels {
        var selector = selector
        selector[key] = value
        return ComponentLabels(name: name, instance: instance, component: component, version: version, all: all, selector: selector)
    }

    /// Labels from their parts.
    private init(name: String, instance: String, component: String, version: String?, all: [String: String], selector: [String: String]) {
        self.name = name
        self.instance = instance
        self.component = component
        self.version = version
        self.all = all
        self.selector = selector
        sortedAll = .sortedMapping(all)
        sortedSelector = .sortedMapping(selector)
    }
}
