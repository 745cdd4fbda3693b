using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose <see cref="TestMethodAttribute"/> methods are tests (as in nanoFramework.TestFramework).</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    /// <summary>Marks a public instance method without parameters as one test.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Marks a method that runs before every test of its class.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks a method that runs after every test of its class, whether it passed or not.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CleanupAttribute : Attribute
    {
    }
}
