using PanelPlatform.Platform.Tests;

[assembly: AssemblyFixture(typeof(PlatformApp))]
[assembly: AssemblyFixture(typeof(PanelPlatform.Platform.Tests.Browser.SiteBrowser))]
