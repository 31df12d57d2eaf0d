using System.Runtime.CompilerServices;

namespace XmlShred.Tests;

/// <summary>The tests run with the culture the CLI pins (invariant), whatever the machine's locale.</summary>
internal static class TestCulture
{
#pragma warning disable CA2255 // a test assembly is exactly where a module initializer belongs
    [ModuleInitializer]
    internal static void PinInvariantCulture() => XmlShred.Cli.Program.PinInvariantCulture();
#pragma warning restore CA2255
}
