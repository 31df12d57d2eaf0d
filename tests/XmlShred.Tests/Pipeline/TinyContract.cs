using System.Globalization;
using System.Text;
using System.Xml.Linq;
using XmlShred.Contract;
using XmlShred.Mapping;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// A four-table contract (application root, contact, address, scores) and a predictable mapper for it, so
/// pipeline tests control exactly which rows each application produces, independently of the mapping engine.
/// </summary>
internal static class TinyContract
{
    private const string App = "/Provenir/Request/CustData/application";

    public const string Json = $$"""
        {
          "xml_root_element": "Provenir",
          "xml_application_path": "{{App}}",
          "source_table": "app_xml_staging",
          "source_column": "app_XML",
          "target_schema": "test",
          "table_insertion_order": ["app_base", "app_contact_base", "app_contact_address", "scores", "processing_log"],
          "element_filtering": { "filter_rules": [
            { "element_type": "contact", "xml_parent_path": "{{App}}", "xml_child_path": "{{App}}/contact",
              "required_attributes": { "con_id": true, "ac_role_tp_c": ["PR", "AUTHU"] } },
            { "element_type": "address", "xml_parent_path": "{{App}}/contact", "xml_child_path": "{{App}}/contact/contact_address",
              "required_attributes": { "address_tp_c": ["CURR", "PREV"] } } ] },
          "relationships": [
            { "parent_table": "app_base", "child_table": "app_contact_base", "foreign_key_column": "app_id", "xml_parent_path": "/Provenir/Request", "xml_child_path": "{{App}}/contact" },
            { "parent_table": "app_contact_base", "child_table": "app_contact_address", "foreign_key_column": "con_id", "xml_parent_path": "{{App}}/contact", "xml_child_path": "{{App}}/contact/contact_address" } ],
          "mappings": [
            { "xml_path": "/Provenir/Request", "xml_attribute": "ID", "target_table": "app_base", "target_column": "app_id", "data_type": "int", "mapping_type": ["identity_insert"] },
            { "xml_path": "{{App}}", "xml_attribute": "name", "target_table": "app_base", "target_column": "name", "data_type": "string", "data_length": 50, "nullable": true },
            { "xml_path": "{{App}}/contact", "xml_attribute": "con_id", "target_table": "app_contact_base", "target_column": "con_id", "data_type": "int" },
            { "xml_path": "{{App}}/contact", "xml_attribute": "first_name", "target_table": "app_contact_base", "target_column": "first_name", "data_type": "string", "nullable": true },
            { "xml_path": "{{App}}/contact/contact_address", "xml_attribute": "address_tp_c", "target_table": "app_contact_address", "target_column": "address_type_enum", "data_type": "smallint", "mapping_type": ["enum"] },
            { "xml_path": "{{App}}/contact/contact_address", "xml_attribute": "city", "target_table": "app_contact_address", "target_column": "city", "data_type": "string", "nullable": true },
            { "xml_path": "{{App}}", "xml_attribute": "score", "target_table": "scores", "target_column": "score", "data_type": "int", "mapping_type": ["add_score(S1)"], "nullable": true }
          ],
          "enum_mappings": { "address_type_enum": { "CURR": 1, "PREV": 2 } }
        }
        """;

    public static CompiledContract Compiled { get; } = ContractLoader.Load(Encoding.UTF8.GetBytes(Json), "tiny");

    /// <summary>One application: contacts are (con_id, name); each contact gets a CURR address in <c>city</c>.</summary>
    public static string Document(long appId, string name = "app", int? score = null, params (long ConId, string FirstName)[] contacts)
    {
        var application = new XElement("application", new XAttribute("name", name));
        if (score is not null) application.Add(new XAttribute("score", score.Value));
        foreach (var (conId, firstName) in contacts)
        {
            application.Add(new XElement("contact", new XAttribute("con_id", conId), new XAttribute("ac_role_tp_c", "PR"), new XAttribute("first_name", firstName),
                new XElement("contact_address", new XAttribute("address_tp_c", "CURR"), new XAttribute("city", "City" + conId))));
        }
        return new XElement("Provenir", new XElement("Request", new XAttribute("ID", appId), new XElement("CustData", application))).ToString();
    }

    /// <summary>Maps <see cref="Document"/> output; a document without a Request/@ID or with name="reject" is rejected.</summary>
    public static MappingResult Map(string xml)
    {
        var contract = Compiled;
        XElement root;
        try
        {
            root = XElement.Parse(xml);
        }
        catch (System.Xml.XmlException ex)
        {
            return MappingResult.Rejected(null, "parsing", ex.Message, []);
        }
        var request = root.Element("Request");
        if (!long.TryParse((string?)request?.Attribute("ID"), NumberStyles.None, CultureInfo.InvariantCulture, out var appId))
            return MappingResult.Rejected(null, "validation", "['CRITICAL: Missing app_id (/Provenir/Request/@ID)']", []);
        var application = request!.Element("CustData")!.Element("application")!;
        if ((string?)application.Attribute("name") == "reject") return MappingResult.Rejected(appId, "mapping", "No data mapped from XML", []);
        var tables = new List<MappedTable>
        {
            Table(contract, "app_base", ["app_id", "name"], [[appId, (string?)application.Attribute("name")]]),
        };
        var contacts = application.Elements("contact").ToList();
        if (contacts.Count > 0)
        {
            tables.Add(Table(contract, "app_contact_base", ["con_id", "app_id", "first_name"],
                contacts.Select(c => new object?[] { (long)c.Attribute("con_id")!, appId, (string?)c.Attribute("first_name") }).ToList()));
            tables.Add(Table(contract, "app_contact_address", ["con_id", "address_type_enum", "city"],
                contacts.SelectMany(c => c.Elements("contact_address").Select(a => new object?[] { (long)c.Attribute("con_id")!, 1L, (string?)a.Attribute("city") })).ToList()));
        }
        if ((int?)application.Attribute("score") is { } score)
            tables.Add(Table(contract, "scores", ["app_id", "score_identifier", "score"], [[appId, "S1", (long)score]]));
        return MappingResult.Mapped(appId, tables, []);
    }

    private static MappedTable Table(CompiledContract contract, string name, string[] columns, List<object?[]> rows) =>
        new(contract.FindTable(name) ?? throw new InvalidOperationException($"tiny contract has no table {name}"), columns, rows);
}
