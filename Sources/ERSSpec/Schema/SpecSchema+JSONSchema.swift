import Foundation

extension SpecSchema {
    /// The spec format as JSON Schema (draft 2020-12), for editor completion and checks in
    /// other tools: every mapping type is a `$defs` entry with `additionalProperties: false`.
    /// Keys are sorted, so the output is byte-identical run to run.
    /// - Throws: only if JSON serialization fails, which it cannot for this content.
    public static func jsonSchema() throws -> String {
        var definitions: [String: Any] = [:]
        var root = schema(for: root, definitions: &definitions)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://ers.example.com/schemas/spec.json"
        root["title"] = "ERS environment spec"
        root["$defs"] = definitions
        let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func schema(for type: SchemaType, definitions: inout [String: Any]) -> [String: Any] {
        switch type {
        case .object(let object):
            if definitions[object.name] == nil {
                definitions[object.name] = [:]  // reserve the name before recursing
                var properties: [String: Any] = [:]
                for property in object.properties {
                    var value = schema(for: property.type, definitions: &definitions)
                    value["description"] = property.description
                    properties[property.name] = value
                }
                var definition: [String: Any] = [
                    "type": "object", "description": object.description,
                    "properties": properties, "additionalProperties": false,
                ]
                let required = object.properties.filter(\.isRequired).map(\.name).filter { $0 != "base" }
                if !required.isEmpty { definition["required"] = required }
                definitions[object.name] = definition
            }
            return ["$ref": "#/$defs/\(object.name)"]
        case .list(let element, _):
            return ["type": "array", "items": schema(for: element, definitions: &definitions)]
        case .map(let value):
            return ["type": "object", "additionalProperties": schema(for: value, definitions: &definitions)]
        case .string(let allowed):
            if let allowed { return ["type": "string", "enum": allowed] }
            return ["type": "string"]
        case .integer(let minimum, let maximum):
            var result: [String: Any] = ["type": "integer"]
            if let minimum { result["minimum"] = minimum }
            if let maximum { result["maximum"] = maximum }
            return result
        case .number(let minimum, let maximum):
            var result: [String: Any] = ["type": "number"]
            if let minimum { result["minimum"] = minimum }
            if let maximum { result["maximum"] = maximum }
            return result
        case .boolean:
            return ["type": "boolean"]
        case .quantity:
            return ["oneOf": [
                ["type": "string", "pattern": "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$"],
                ["type": "number"],
            ]]
        case .intOrPercent:
            return ["oneOf": [["type": "integer", "minimum": 0], ["type": "string", "pattern": "^[0-9]+%$"]]]
        }
    }
}
