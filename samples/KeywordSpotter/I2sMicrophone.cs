#if MICROPHONE_I2S
using System;
using System.Device.I2s;
using nanoFramework.Hardware.Esp32;

namespace TinyLite.Samples.KeywordSpotter
{
    /// <summary>
    /// An I2S MEMS microphone on an ESP32 (for example an INMP441 or SPH0645 breakout, L/R pin to ground so it
    /// sends on the left slot), read as 16 kHz mono 16-bit PCM. Built only with <c>-p:Microphone=I2s</c>: it needs
    /// the nanoFramework.System.Device.I2s and nanoFramework.Hardware.Esp32 packages, which the repository's build
    /// machines cannot restore, so the Linux build and the nanoCLR lane use <see cref="ClipAudioSource"/> instead.
    /// </summary>
    public sealed class I2sMicrophone : IAudioSource, IDisposable
    {
        private readonly I2sDevice _device;

        /// <summary>Routes the three I2S pins of bus 1 and starts the bus as master receiver.</summary>
        /// <param name="bitClockPin">BCK/SCK (ESP32 GPIO).</param>
        /// <param name="wordSelectPin">WS/LRCL.</param>
        /// <param name="dataInPin">SD/DOUT of the microphone.</param>
        public I2sMicrophone(int bitClockPin, int wordSelectPin, int dataInPin)
        {
            Configuration.SetPinFunction(bitClockPin, DeviceFunction.I2S1_BCK);
            Configuration.SetPinFunction(wordSelectPin, DeviceFunction.I2S1_WS);
            Configuration.SetPinFunction(dataInPin, DeviceFunction.I2S1_MDATA_IN);
            I2sConnectionSettings settings = new I2sConnectionSettings(1);
            settings.SampleRate = 16000;
            settings.BitsPerSample = I2sBitsPerSample.Bit16;
            settings.ChannelFormat = I2sChannelFormat.OnlyLeft;
            settings.Mode = I2sMode.Master | I2sMode.Rx;
            settings.CommunicationFormat = I2sCommunicationFormat.I2S;
            _device = new I2sDevice(settings);
        }

        /// <inheritdoc/>
        public string Description
        {
            get { return "I2S microphone (bus 1, 16 kHz, 16-bit, left slot)"; }
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count)
        {
            // The driver fills the whole span, waiting for the DMA buffers: count bytes every time (never the end).
            count &= ~1;
            _device.Read(new SpanByte(buffer, offset, count));
            return count;
        }

        /// <summary>Stops the bus.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
#endif
