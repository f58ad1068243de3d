using PanelPlatform.ServiceDefaults.Auth;

// mint-token <role> [<role>...] [--key-file path] [--name "Display Name"]
var roles = new List<string>();
string? keyFile = null;
string? name = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--key-file" when i + 1 < args.Length:
            keyFile = args[++i];
            break;
        case "--name" when i + 1 < args.Length:
            name = args[++i];
            break;
        default:
            roles.Add(args[i]);
            break;
    }
}

var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
if (roles.Count == 0 || unknown.Count > 0)
{
    Console.Error.WriteLine($"usage: mint-token <role>... [--key-file .data/signing-key] [--name \"Display Name\"]");
    Console.Error.WriteLine($"roles: {string.Join(", ", Roles.All)}");
    if (unknown.Count > 0)
    {
        Console.Error.WriteLine($"unknown: {string.Join(", ", unknown)}");
    }

    return 2;
}

keyFile ??= Path.Combine(FindRepoRoot(), ".data", "signing-key");
if (!File.Exists(keyFile))
{
    Console.Error.WriteLine($"{keyFile} does not exist yet: start the platform once (deploy/local/run.sh) and it is made.");
    return 1;
}

var key = File.ReadAllText(keyFile).Trim();
Console.WriteLine(DevelopmentTokens.Mint(key, roles, subject: $"dev-{string.Join('-', roles)}", name: name));
return 0;

static string FindRepoRoot()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "PanelPlatform.sln")))
        {
            return directory.FullName;
        }
    }

    return Environment.CurrentDirectory;
}
