using System;
using nanoFramework.TestFramework;
using TinyLite.Runtime;
using TinyLite.Runtime.Image;

namespace TinyLite.DeviceTests
{
    /// <summary>
    /// Runs before any kernel family is registered: loading an image must then fail with a message that names the
    /// missing family and the call that registers it (an app that forgot to deploy or register a family learns why).
    /// </summary>
    public static class RegistrationCheck
    {
        /// <summary>Runs the check, prints its line, and returns the counts { passed, failed, skipped }.</summary>
        public static int[] Run()
        {
            int[] counts = new int[3];
            TestResult result = new TestResult();
            result.Name = "RegistrationCheck.LoadingBeforeRegistering_NamesTheFamily";
            result.Message = "";
#if TINYLITE_GOLDEN_DATA
            try
            {
                new Interpreter(GoldenCatalog.FirstImage());
                result.Outcome = TestOutcome.Failed;
                result.Message = "the image loaded although no kernel family was registered";
            }
            catch (ImageException e)
            {
                bool named = e.Message.IndexOf("is not registered") >= 0 && e.Message.IndexOf("Family.Register()") >= 0;
                result.Outcome = named ? TestOutcome.Passed : TestOutcome.Failed;
                result.Message = named ? "" : "unexpected message: " + e.Message;
            }
#else
            result.Outcome = TestOutcome.Skipped;
            result.Message = "no golden data in this build (the nanoCLR lane generates it)";
#endif
            counts[result.Outcome]++;
            Console.WriteLine(TestRunner.Line(result));
            return counts;
        }
    }
}
