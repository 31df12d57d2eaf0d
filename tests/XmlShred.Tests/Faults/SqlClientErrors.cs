using System.Reflection;
using Microsoft.Data.SqlClient;

namespace XmlShred.Tests.Faults;

/// <summary>
/// SqlException has no public constructor and SQL Server is not available here, so tests build one the way
/// SqlClient does internally (SqlError list → SqlException.CreateException), through reflection.
/// </summary>
internal static class SqlClientErrors
{
    public static SqlException Exception(params int[] numbers)
    {
        var collection = (SqlErrorCollection)Activator.CreateInstance(typeof(SqlErrorCollection), nonPublic: true)!;
        var add = typeof(SqlErrorCollection).GetMethod("Add", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(SqlError)])
            ?? throw new MissingMethodException("SqlErrorCollection.Add(SqlError)");
        foreach (var number in numbers) add.Invoke(collection, [Error(number, $"error {number}")]);
        var create = typeof(SqlException).GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(m => m.Name == "CreateException")
            .Select(m => (Method: m, Parameters: m.GetParameters()))
            .First(m => m.Parameters.Length >= 2 && m.Parameters[0].ParameterType == typeof(SqlErrorCollection) && m.Parameters[1].ParameterType == typeof(string));
        var arguments = create.Parameters.Select((p, i) => i switch
        {
            0 => collection,
            1 => "16.00.0000",
            _ => p.HasDefaultValue ? p.DefaultValue : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null,
        }).ToArray();
        return (SqlException)create.Method.Invoke(null, arguments)!;
    }

    private static SqlError Error(int number, string message)
    {
        var constructor = typeof(SqlError).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic)
            .OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => p.Name switch
        {
            "infoNumber" or "number" => number,
            "errorState" => (byte)1,
            "errorClass" => (byte)16,
            "server" => "test-server",
            "errorMessage" or "message" => message,
            "procedure" => "",
            "lineNumber" => 0,
            _ => p.HasDefaultValue ? p.DefaultValue : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null,
        }).ToArray();
        return (SqlError)constructor.Invoke(arguments);
    }
}
