using System.Text.Json;
using System.Text.Json.Serialization;

namespace XmlShred.Contract;

/// <summary>
/// The mapping contract exactly as XmlConversion writes it (snake_case JSON). Unknown keys are ignored.
/// This is the raw, unvalidated form; <see cref="ContractLoader"/> turns it into a <see cref="CompiledContract"/>.
/// </summary>
internal sealed class ContractDocument
{
    [JsonPropertyName("xml_root_element")] public string? XmlRootElement { get; set; }
    [JsonPropertyName("xml_application_path")] public string? XmlApplicationPath { get; set; }
    [JsonPropertyName("source_table")] public string? SourceTable { get; set; }
    [JsonPropertyName("source_column")] public string? SourceColumn { get; set; }
    [JsonPropertyName("source_application_table")] public string? SourceApplicationTable { get; set; }
    [JsonPropertyName("target_schema")] public string? TargetSchema { get; set; }
    [JsonPropertyName("table_insertion_order")] public List<string>? TableInsertionOrder { get; set; }
    [JsonPropertyName("element_filtering")] public ElementFilteringDocument? ElementFiltering { get; set; }
    [JsonPropertyName("relationships")] public List<RelationshipDocument>? Relationships { get; set; }
    [JsonPropertyName("mappings")] public List<MappingDocument>? Mappings { get; set; }
    [JsonPropertyName("enum_mappings")] public Dictionary<string, JsonElement>? EnumMappings { get; set; }
    [JsonPropertyName("bit_conversions")] public Dictionary<string, Dictionary<string, JsonElement>>? BitConversions { get; set; }
}

internal sealed class ElementFilteringDocument
{
    [JsonPropertyName("filter_rules")] public List<FilterRuleDocument>? FilterRules { get; set; }
}

internal sealed class FilterRuleDocument
{
    [JsonPropertyName("element_type")] public string? ElementType { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("xml_parent_path")] public string? XmlParentPath { get; set; }
    [JsonPropertyName("xml_child_path")] public string? XmlChildPath { get; set; }
    /// <summary>Attribute name → <c>true</c> (must be non-blank) or a list of allowed codes. JSON order matters.</summary>
    [JsonPropertyName("required_attributes")] public JsonElement RequiredAttributes { get; set; }
}

internal sealed class RelationshipDocument
{
    [JsonPropertyName("parent_table")] public string? ParentTable { get; set; }
    [JsonPropertyName("child_table")] public string? ChildTable { get; set; }
    [JsonPropertyName("foreign_key_column")] public string? ForeignKeyColumn { get; set; }
    [JsonPropertyName("xml_parent_path")] public string? XmlParentPath { get; set; }
    [JsonPropertyName("xml_child_path")] public string? XmlChildPath { get; set; }
}

internal sealed class MappingDocument
{
    [JsonPropertyName("xml_path")] public string? XmlPath { get; set; }
    [JsonPropertyName("xml_attribute")] public string? XmlAttribute { get; set; }
    [JsonPropertyName("target_table")] public string? TargetTable { get; set; }
    [JsonPropertyName("target_column")] public string? TargetColumn { get; set; }
    [JsonPropertyName("data_type")] public string? DataType { get; set; }
    [JsonPropertyName("data_length")] public int? DataLength { get; set; }
    /// <summary>A string (comma separated) or an array of strings; absent/null/[] = no mapping type.</summary>
    [JsonPropertyName("mapping_type")] public JsonElement MappingType { get; set; }
    [JsonPropertyName("nullable")] public bool? Nullable { get; set; }
    [JsonPropertyName("required")] public bool? Required { get; set; }
    /// <summary>A string, a number (treated like its text) or null.</summary>
    [JsonPropertyName("default_value")] public JsonElement DefaultValue { get; set; }
    [JsonPropertyName("exclude_default_when_record_empty")] public bool? ExcludeDefaultWhenRecordEmpty { get; set; }
    [JsonPropertyName("expression")] public string? Expression { get; set; }
    [JsonPropertyName("enum_name")] public string? EnumName { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
}
