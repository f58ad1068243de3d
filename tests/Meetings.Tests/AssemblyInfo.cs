using PanelPlatform.TestInfrastructure;

[assembly: AssemblyFixture(typeof(PlatformInfrastructure))]
