using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Storage;
using XmlShred.Values;

namespace XmlShred.Tests.Storage;

/// <summary>
/// A small hand-built contract covering every table kind the writers treat differently (OUTPUT-6) and every value type:
/// root app_base, a contact table (insert-if-absent by con_id), its address child (by con_id + type), scores (upsert)
/// and a one-row-per-application table with one column of each data type.
/// </summary>
internal static class StorageTestContract
{
    public static CompiledContract Build(string schema)
    {
        var appBase = Plan("app_base", TableKind.Application, 0, ["app_id"],
            [Col("app_id", DataType.Int, null, true), Col("product_line_enum", DataType.SmallInt)]);
        var contact = Plan("app_contact_base", TableKind.Contact, 1, ["con_id"],
            [Col("con_id", DataType.Int, null, true), Col("app_id", DataType.Int), Col("first_name", DataType.String, 30)]);
        var values = Plan("app_values", TableKind.Application, 2, ["app_id"],
            [Col("app_id", DataType.Int, null, true), Col("int_col", DataType.Int), Col("small_col", DataType.SmallInt), Col("tiny_col", DataType.TinyInt),
            Col("big_col", DataType.BigInt), Col("dec_col", DataType.Decimal, 3), Col("dec_default", DataType.Decimal), Col("float_col", DataType.Float),
            Col("bit_col", DataType.Bit), Col("bool_col", DataType.Boolean), Col("dt_col", DataType.DateTime), Col("date_col", DataType.Date),
            Col("short_text", DataType.String, 10), Col("long_text", DataType.String, -1)]);
        var address = Plan("app_contact_address", TableKind.Address, 3, ["con_id", "address_type_enum"],
            [Col("con_id", DataType.Int, null, true), Col("address_type_enum", DataType.SmallInt, null, true), Col("city", DataType.String, 50)], "app_contact_base");
        var scores = Plan("scores", TableKind.Score, 4, ["app_id", "score_identifier"],
            [Col("app_id", DataType.Int, null, true), Col("score_identifier", DataType.String, 50, true), Col("score", DataType.Int)]);
        var rule = new FilterRule { Role = ElementRole.Contact, ElementName = "contact", RequiredAttributes = [], TypeList = [] };
        return new CompiledContract
        {
            Name = "storage-test",
            Hash = "0123456789abcdef",
            SourceTable = "app_xml",
            SourceColumn = "app_XML",
            ApplicationElement = "application",
            TargetSchema = schema,
            RootElement = "Provenir",
            Tables = [appBase, contact, values, address, scores],
            RootTable = appBase,
            ContactRule = rule,
            AddressRule = rule,
            ContactTable = contact,
            AddressTable = address,
            RelationshipContactElement = "contact",
            RelationshipAddressElement = "address",
            EnumMaps = new Dictionary<string, EnumMap>(),
            CharToBit = new Dictionary<string, int>(),
            BooleanToBit = new Dictionary<string, int>(),
        };
    }

    /// <summary>One application: an app_base row plus the given tables' rows, and its success log row.</summary>
    public static ApplicationWrite App(CompiledContract contract, long appId, params (string Table, string[] Columns, object?[][] Rows)[] tables)
    {
        var mapped = new List<MappedTable> { Table(contract, "app_base", ["app_id", "product_line_enum"], [appId, 600L]) };
        mapped.AddRange(tables.Select(t => Table(contract, t.Table, t.Columns, t.Rows)));
        var ordered = mapped.OrderBy(t => t.Plan.WriteOrder).ToList();
        return new ApplicationWrite(appId, MappingResult.Mapped(appId, ordered, []), Log(contract, appId, ProcessingLogEntry.Success));
    }

    public static MappedTable Table(CompiledContract contract, string name, string[] columns, params object?[][] rows) =>
        new(contract.FindTable(name)!, columns, rows);

    public static ProcessingLogEntry Log(CompiledContract contract, long appId, string status, string? reason = null) => new()
    {
        AppId = appId,
        Status = status,
        Stage = reason is null ? null : "mapping",
        FailureReason = reason,
        ProcessingTime = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc),
        SessionId = "20261128_120000",
        RunId = "run-1",
        ContractHash = contract.Hash,
        DurationMs = 1.5,
    };

    private static ColumnSpec Col(string name, DataType type, int? length = null, bool key = false) => new(name, type, length, key);

    private static TablePlan Plan(string name, TableKind kind, int order, string[] keys, ColumnSpec[] columns, string? parent = null) => new()
    {
        Name = name,
        Kind = kind,
        WriteOrder = order,
        Entries = [],
        Columns = columns,
        KeyColumns = keys,
        ParentTable = parent,
    };
}
