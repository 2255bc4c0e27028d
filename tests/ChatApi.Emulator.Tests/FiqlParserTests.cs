using ChatApi.Emulator.Queries;

namespace ChatApi.Emulator.Tests;

public class FiqlParserTests
{
    private static readonly Dictionary<string, string> Row = new() { ["name"] = "Sales EU", ["id"] = "11", ["type"] = "ChatAPI" };

    private static bool Eval(string filter) => FiqlParser.Parse(filter).Matches(f => Row.GetValueOrDefault(f));

    [Theory]
    [InlineData("id==11", true)]
    [InlineData("id!=11", false)]
    [InlineData("id==1", false)]
    [InlineData("id==1*", true)]
    [InlineData("name=='Sales EU'", true)]
    [InlineData("name==\"sales eu\"", true)]
    [InlineData("name==*EU", true)]
    [InlineData("name==S*s*", true)]
    [InlineData("name==*x*", false)]
    [InlineData("id==2,id==11", true)]
    [InlineData("id==2;id==11", false)]
    [InlineData("id==11;type==ChatAPI", true)]
    [InlineData("id==2;type==ChatAPI,id==11", true)]
    [InlineData("id==2;(type==ChatAPI,id==11)", false)]
    [InlineData(" ( id == 11 ) ", true)]
    [InlineData("missing==x", false)]
    [InlineData("missing!=x", true)]
    public void Evaluates(string filter, bool expected) => Assert.Equal(expected, Eval(filter));

    [Fact]
    public void AndBindsTighterThanOr()
    {
        var parsed = FiqlParser.Parse("a==1,b==2;c==3");
        var or = Assert.IsType<FiqlOr>(parsed);
        Assert.IsType<FiqlComparison>(or.Parts[0]);
        Assert.IsType<FiqlAnd>(or.Parts[1]);
        Assert.Equal(["a", "b", "c"], parsed.Selectors);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("name", "expected == or !=")]
    [InlineData("name=x", "expected == or !=")]
    [InlineData("name=lt=x", "'=lt=' is not supported")]
    [InlineData("name==", "expected a value")]
    [InlineData("(name==x", "not closed")]
    [InlineData("name==x)", "unexpected ')'")]
    [InlineData("name=='x", "quoted value is not closed")]
    [InlineData(",name==x", "expected a field name")]
    public void RefusesWithAReason(string filter, string reason) =>
        Assert.Contains(reason, Assert.Throws<FiqlException>(() => FiqlParser.Parse(filter)).Message);
}
