using System.Text;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Tests.Unified;

/// <summary>Catalog names decode as <see cref="Encoding.UTF8"/> does, and the same name is one string across catalogs.</summary>
public sealed class CatalogStringPoolTests
{
    [Fact]
    public void TheSameNameIsOneStringAndDecodesAsUtf8()
    {
        var name = "com.apple.callkit." + Guid.NewGuid().ToString("N");
        var first = CatalogStringPool.Get(Encoding.UTF8.GetBytes(name));
        var second = CatalogStringPool.Get(Encoding.UTF8.GetBytes(name));

        Assert.Equal(name, first);
        Assert.Same(first, second);
        Assert.Equal(string.Empty, CatalogStringPool.Get([]));
    }

    [Fact]
    public void InvalidAndLongNamesComeOutAsEncodingGetStringGivesThem()
    {
        byte[][] samples =
        [
            [0x63, 0xC3, 0x28, 0xFF, 0x61],
            [0xE2, 0x82],
            Encoding.UTF8.GetBytes("caf\u00e9 \U0001F600"),
            [.. Enumerable.Repeat((byte)0xFF, CatalogStringPool.MaxLength)],
            Encoding.UTF8.GetBytes(new string('x', CatalogStringPool.MaxLength + 10)),
        ];
        foreach (var bytes in samples)
        {
            Assert.Equal(Encoding.UTF8.GetString(bytes), CatalogStringPool.Get(bytes));
        }
    }
}
