using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace XmlShred.Contract;

/// <summary>
/// The JSON Schema of the contract format, exported from <see cref="ContractDocument"/> and refined where the
/// format allows several shapes (mapping_type, default_value, required_attributes).
/// </summary>
public static class ContractSchema
{
    public static string Generate()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Default);
        var schema = options.GetJsonSchemaAsNode(typeof(ContractDocument), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.Insert(1, "title", "XmlShred / XmlConversion mapping contract");
        schema["required"] = new JsonArray("xml_root_element", "source_table", "source_column", "table_insertion_order", "element_filtering", "relationships", "mappings");
        var properties = schema["properties"]!.AsObject();
        var mapping = properties["mappings"]!["items"]!.AsObject();
        mapping["required"] = new JsonArray("xml_path", "target_table", "data_type");
        var mappingProps = mapping["properties"]!.AsObject();
        mappingProps["mapping_type"] = JsonNode.Parse("""
            {"description": "Ordered tokens: enum, calculated_field, char_to_bit, boolean_to_bit, numbers_only, extract_numeric, identity_insert, extract_date, last_valid_pr_contact, last_valid_sec_contact, authu_contact, curr_address_only, default_getutcdate_if_null, add_score(id), add_indicator(name), add_history, add_report_lookup(key), policy_exceptions(n), warranty_field(n), add_collateral(n).",
             "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"type": "null"}]}
            """);
        mappingProps["default_value"] = JsonNode.Parse("""{"description": "Default; a number counts by its text.", "type": ["string", "number", "boolean", "null"]}""");
        mappingProps["data_type"] = JsonNode.Parse("""
            {"anyOf": [{"enum": ["string", "int", "smallint", "tinyint", "bigint", "decimal", "float", "bit", "boolean", "datetime", "smalldatetime", "date"]}, {"type": "string"}]}
            """);
        mappingProps["data_length"] = JsonNode.Parse("""{"description": "String max length (-1 = unlimited) or decimal scale.", "type": ["integer", "null"]}""");
        var rule = properties["element_filtering"]!["properties"]!["filter_rules"]!["items"]!["properties"]!.AsObject();
        rule["element_type"] = JsonNode.Parse("""{"enum": ["contact", "address", "employment"]}""");
        rule["required_attributes"] = JsonNode.Parse("""
            {"type": "object", "description": "Attribute → true (present, non-blank) or the allowed codes; the first list is the type list (index = priority).",
             "additionalProperties": {"oneOf": [{"const": true}, {"type": "array", "items": {"type": "string"}}]}}
            """);
        properties["enum_mappings"] = JsonNode.Parse("""
            {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": ["integer", "string"]}}}
            """);
        properties["bit_conversions"] = JsonNode.Parse("""
            {"type": "object", "properties": {"char_to_bit": {"$ref": "#/$defs/bitMap"}, "boolean_to_bit": {"$ref": "#/$defs/bitMap"}}}
            """);
        schema["$defs"] = JsonNode.Parse("""{"bitMap": {"type": "object", "additionalProperties": {"enum": [0, 1]}}}""");
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
