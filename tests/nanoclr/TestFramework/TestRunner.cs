using System;
using System.Reflection;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Finds and runs tests by reflection, as nanoFramework's unit test launcher does: every public class marked
    /// <see cref="TestClassAttribute"/>, every public method of it marked <see cref="TestMethodAttribute"/>, on a new
    /// instance per test, with its <see cref="SetupAttribute"/> and <see cref="CleanupAttribute"/> methods around it.
    /// Works on nanoCLR (no generics, no LINQ) and on .NET.
    /// </summary>
    public static class TestRunner
    {
        /// <summary>The test classes of <paramref name="assembly"/>.</summary>
        public static Type[] TestClasses(Assembly assembly)
        {
            // The arrays reflection returns are never written to: nanoCLR may hand out its own.
            Type[] types = assembly.GetTypes();
            Type[] chosen = new Type[types.Length];
            int count = 0;
            for (int i = 0; i < types.Length; i++)
            {
                if (Has(types[i].GetCustomAttributes(true), typeof(TestClassAttribute)))
                {
                    chosen[count++] = types[i];
                }
            }
            Type[] classes = new Type[count];
            Array.Copy(chosen, classes, count);
            return classes;
        }

        /// <summary>The test methods of <paramref name="testClass"/>.</summary>
        public static MethodInfo[] TestMethods(Type testClass)
        {
            return Marked(testClass, typeof(TestMethodAttribute));
        }

        /// <summary>
        /// Runs test <paramref name="method"/> of <paramref name="testClass"/> on a new instance, with the class's set-up
        /// before and clean-up after. Never throws: failures are in the result.
        /// </summary>
        public static TestResult Run(Type testClass, MethodInfo method)
        {
            TestResult result = new TestResult();
            result.Name = testClass.Name + "." + method.Name;
            result.Message = "";
            object instance;
            try
            {
                instance = testClass.GetConstructor(new Type[0]).Invoke(null);
                InvokeAll(Marked(testClass, typeof(SetupAttribute)), instance);
            }
            catch (Exception e)
            {
                Record(result, e, "set-up: ");
                return result;
            }
            long start = DateTime.UtcNow.Ticks;
            try
            {
                method.Invoke(instance, null);
                result.Outcome = TestOutcome.Passed;
            }
            catch (Exception e)
            {
                Record(result, e, "");
            }
            result.Milliseconds = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            try
            {
                InvokeAll(Marked(testClass, typeof(CleanupAttribute)), instance);
            }
            catch (Exception e)
            {
                if (result.Outcome != TestOutcome.Failed)
                {
                    Record(result, e, "clean-up: ");
                }
            }
            return result;
        }

        /// <summary>
        /// Runs every test of <paramref name="classes"/>, printing one line per test ("PASS", "FAIL" or "SKIP", the
        /// name, the message or the time), and returns the counts as { passed, failed, skipped }.
        /// </summary>
        public static int[] RunAll(Type[] classes)
        {
            int[] counts = new int[3];
            for (int c = 0; c < classes.Length; c++)
            {
                MethodInfo[] methods = TestMethods(classes[c]);
                for (int m = 0; m < methods.Length; m++)
                {
                    TestResult result = Run(classes[c], methods[m]);
                    counts[result.Outcome]++;
                    Console.WriteLine(Line(result));
                }
            }
            return counts;
        }

        /// <summary>The one-line report of a result.</summary>
        public static string Line(TestResult result)
        {
            if (result.Outcome == TestOutcome.Passed)
            {
                return "PASS " + result.Name + " (" + result.Milliseconds.ToString() + " ms)";
            }
            return (result.Outcome == TestOutcome.Skipped ? "SKIP " : "FAIL ") + result.Name + ": " + result.Message;
        }

        private static void Record(TestResult result, Exception e, string where)
        {
#if NANOFRAMEWORK_1_0
            // nanoCLR passes what the method threw through as it is.
            Exception thrown = e;
#else
            // .NET wraps what the method threw.
            Exception thrown = e is TargetInvocationException && e.InnerException != null ? e.InnerException : e;
#endif
            result.Outcome = thrown is SkipTestException ? TestOutcome.Skipped : TestOutcome.Failed;
            result.Message = where + (thrown is AssertFailedException || thrown is SkipTestException
                ? thrown.Message
                : thrown.GetType().FullName + ": " + thrown.Message);
        }

        private static MethodInfo[] Marked(Type testClass, Type attribute)
        {
            MethodInfo[] methods = testClass.GetMethods();
            MethodInfo[] chosen = new MethodInfo[methods.Length];
            int count = 0;
            for (int i = 0; i < methods.Length; i++)
            {
                if (Has(methods[i].GetCustomAttributes(true), attribute))
                {
                    chosen[count++] = methods[i];
                }
            }
            MethodInfo[] marked = new MethodInfo[count];
            Array.Copy(chosen, marked, count);
            return marked;
        }

        private static void InvokeAll(MethodInfo[] methods, object instance)
        {
            for (int i = 0; i < methods.Length; i++)
            {
                methods[i].Invoke(instance, null);
            }
        }

        private static bool Has(object[] attributes, Type attribute)
        {
            for (int i = 0; i < attributes.Length; i++)
            {
                if (attributes[i].GetType() == attribute)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
