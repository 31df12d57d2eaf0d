using XmlShred.Mapping;
using XmlShred.Storage;

namespace XmlShred.Tests.Storage;

public class BatchTableGroupsTests
{
    private static readonly XmlShred.Contract.CompiledContract s_contract = StorageTestContract.Build("m");

    /// <summary>The values a writer sends for each row: the group's columns, in order.</summary>
    private static object?[][] Written(TableRowGroup group) =>
        [.. group.Rows.Select(row => Enumerable.Range(0, group.Columns.Count).Select(i => group.ValueAt(row, i)).ToArray())];

    [Fact]
    public void Build_DifferentColumnLists_PaddedToOneGroupPerTableInWriteOrder()
    {
        var batch = new[]
        {
            StorageTestContract.App(s_contract, 1, ("app_values", ["app_id", "int_col"], [[1L, 10L]])),
            StorageTestContract.App(s_contract, 2, ("app_values", ["app_id", "short_text", "int_col"], [[2L, "b", 20L]])),
        };

        var groups = BatchTableGroups.Build(s_contract, batch, (_, _) => false);

        Assert.Equal(["app_base", "app_values"], groups.Select(g => g.Plan.Name));
        var values = groups[1];
        Assert.Equal(["app_id", "int_col", "short_text"], values.Columns);
        Assert.Equal([[1L, 10L, null], [2L, 20L, "b"]], Written(values));
    }

    [Fact]
    public void Build_DefaultedColumnMissingFromSomeRows_ThoseRowsLeaveItOut()
    {
        var batch = new[]
        {
            StorageTestContract.App(s_contract, 1, ("app_values", ["app_id", "small_col", "int_col"], [[1L, 7L, 10L]])),
            StorageTestContract.App(s_contract, 2, ("app_values", ["app_id"], [[2L]])),
        };

        var groups = BatchTableGroups.Build(s_contract, batch, (table, column) => table == "app_values" && column == "small_col").Where(g => g.Plan.Name == "app_values").ToList();

        Assert.Equal(2, groups.Count);
        Assert.Equal(["app_id", "small_col", "int_col"], groups[0].Columns);
        Assert.Equal(["app_id", "int_col"], groups[1].Columns);
        Assert.Equal([[2L, null]], Written(groups[1]));
    }

    [Fact]
    public void Build_UpsertTable_KeepsEachExactColumnList()
    {
        var withScore = StorageTestContract.App(s_contract, 1, ("scores", ["app_id", "score_identifier", "score"], [[1L, "V4", 1L]]));
        var keysOnly = StorageTestContract.App(s_contract, 2, ("scores", ["app_id", "score_identifier"], [[2L, "AJ"]]));

        var scores = BatchTableGroups.Build(s_contract, [withScore, keysOnly], (_, _) => false).Where(g => g.Plan.Name == "scores").ToList();

        Assert.Equal([["app_id", "score_identifier", "score"], ["app_id", "score_identifier"]], scores.Select(g => g.Columns));
    }

    [Fact]
    public void Build_RowsKeepBatchOrderAcrossApplications()
    {
        string[] cols = ["con_id", "app_id", "first_name"];
        var batch = new[]
        {
            StorageTestContract.App(s_contract, 1, ("app_contact_base", cols, [[7L, 1L, "a"], [8L, 1L, "b"]])),
            StorageTestContract.App(s_contract, 2, ("app_contact_base", cols, [[7L, 2L, "c"]])),
        };

        var contacts = BatchTableGroups.Build(s_contract, batch, (_, _) => false).Single(g => g.Plan.Name == "app_contact_base");

        Assert.Equal(["a", "b", "c"], contacts.Rows.Select(r => r[2]));
    }
}
