namespace TinyLite.KwsTrain;

/// <summary>
/// micro_speech's "tiny_conv" network in float, with its own backpropagation: a 10 x 8 convolution of 8 filters at
/// stride 2 x 2 with SAME padding and ReLU over the 49 x 40 feature map (giving 25 x 20 x 8), then a fully connected
/// layer to the classes (4 for yes/no, 3 for the wake word) and a softmax. Trained with Adam on the softmax cross-entropy; seeded, single-threaded,
/// so every run gives the same weights.
/// </summary>
public sealed class TinyConvNet
{
    public const int InH = 49, InW = 40, Filters = 8, KH = 10, KW = 8, Stride = 2;
    public const int OutH = (InH + Stride - 1) / Stride, OutW = (InW + Stride - 1) / Stride;
    public const int Hidden = OutH * OutW * Filters;

    /// <summary>SAME padding before the first row / column (TFLite puts the odd pixel after).</summary>
    public const int PadTop = ((OutH - 1) * Stride + KH - InH) / 2, PadLeft = ((OutW - 1) * Stride + KW - InW) / 2;

    /// <summary>Real value of input step q (int8, zero point -128): micro_speech's input scale.</summary>
    public const float InputScale = 0.101715684f;

    /// <summary>Convolution weights [filter, ky, kx] and biases.</summary>
    public readonly float[] ConvW = new float[Filters * KH * KW], ConvB = new float[Filters];

    /// <summary>Fully connected weights [class, hidden] (hidden in NHWC order: (y * OutW + x) * Filters + f) and biases.</summary>
    public readonly float[] FcW, FcB;

    /// <summary>Output classes.</summary>
    public readonly int Classes;

    private readonly float[][] _params;
    private readonly float[][] _m, _v;
    private int _step;
    private float _dropScale = 1f; // gradient scale of the units dropout kept (1 / (1 - p))

    public TinyConvNet(int seed, int classes = 4)
    {
        Classes = classes;
        FcW = new float[classes * Hidden];
        FcB = new float[classes];
        var rng = new Random(seed);
        float convStd = MathF.Sqrt(2f / (KH * KW)), fcStd = MathF.Sqrt(1f / Hidden);
        for (int i = 0; i < ConvW.Length; i++) ConvW[i] = convStd * Background.Gaussian(rng);
        for (int i = 0; i < FcW.Length; i++) FcW[i] = fcStd * Background.Gaussian(rng);
        _params = [ConvW, ConvB, FcW, FcB];
        _m = _params.Select(p => new float[p.Length]).ToArray();
        _v = _params.Select(p => new float[p.Length]).ToArray();
    }

    /// <summary>Input features as real values.</summary>
    public static float[] Dequantize(sbyte[] q)
    {
        var x = new float[q.Length];
        for (int i = 0; i < q.Length; i++) x[i] = (q[i] + 128) * InputScale;
        return x;
    }

    /// <summary>Forward pass: fills <paramref name="hidden"/> (post-ReLU) and <paramref name="logits"/>.</summary>
    public void Forward(float[] x, float[] hidden, float[] logits)
    {
        for (int oy = 0; oy < OutH; oy++)
        {
            for (int ox = 0; ox < OutW; ox++)
            {
                for (int f = 0; f < Filters; f++)
                {
                    float sum = ConvB[f];
                    for (int ky = 0; ky < KH; ky++)
                    {
                        int iy = oy * Stride + ky - PadTop;
                        if ((uint)iy >= InH) continue;
                        int wRow = (f * KH + ky) * KW, xRow = iy * InW;
                        for (int kx = 0; kx < KW; kx++)
                        {
                            int ix = ox * Stride + kx - PadLeft;
                            if ((uint)ix < InW) sum += ConvW[wRow + kx] * x[xRow + ix];
                        }
                    }
                    hidden[(oy * OutW + ox) * Filters + f] = sum > 0 ? sum : 0;
                }
            }
        }
        for (int c = 0; c < Classes; c++)
        {
            float sum = FcB[c];
            int row = c * Hidden;
            for (int h = 0; h < Hidden; h++) sum += FcW[row + h] * hidden[h];
            logits[c] = sum;
        }
    }

    /// <summary>The index of the largest logit.</summary>
    public int Predict(float[] x)
    {
        var hidden = new float[Hidden];
        var logits = new float[Classes];
        Forward(x, hidden, logits);
        return Array.IndexOf(logits, logits.Max());
    }

    /// <summary>One epoch of mini-batch Adam over <paramref name="xs"/> in a seeded order; returns the mean loss.</summary>
    public double TrainEpoch(float[][] xs, int[] labels, int batch, float learningRate, float weightDecay, float dropout, Random rng)
    {
        int[] order = Enumerable.Range(0, xs.Length).ToArray();
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var grads = _params.Select(p => new float[p.Length]).ToArray();
        var hidden = new float[Hidden];
        var dHidden = new float[Hidden];
        var logits = new float[Classes];
        var dLogits = new float[Classes];
        double loss = 0;
        for (int start = 0; start < order.Length; start += batch)
        {
            int end = Math.Min(order.Length, start + batch);
            foreach (var g in grads) Array.Clear(g);
            for (int n = start; n < end; n++)
            {
                float[] x = xs[order[n]];
                Forward(x, hidden, logits);
                _dropScale = 1f;
                if (dropout > 0) Drop(hidden, logits, dropout, rng);
                float max = logits.Max();
                double total = 0;
                for (int c = 0; c < Classes; c++) total += Math.Exp(logits[c] - max);
                int label = labels[order[n]];
                loss += -(logits[label] - max - Math.Log(total));
                for (int c = 0; c < Classes; c++) dLogits[c] = (float)(Math.Exp(logits[c] - max) / total) - (c == label ? 1f : 0f);
                Backward(x, hidden, dLogits, dHidden, grads);
            }
            float inv = 1f / (end - start);
            foreach (var g in grads)
            {
                for (int i = 0; i < g.Length; i++) g[i] *= inv;
            }
            Adam(grads, learningRate, weightDecay);
        }
        return loss / xs.Length;
    }

    /// <summary>Inverted dropout on the hidden layer: zero each unit with probability p, scale the rest, redo the logits.</summary>
    private void Drop(float[] hidden, float[] logits, float p, Random rng)
    {
        float keep = 1f / (1f - p);
        _dropScale = keep;
        for (int h = 0; h < Hidden; h++) hidden[h] = rng.NextDouble() < p ? 0f : hidden[h] * keep;
        for (int c = 0; c < Classes; c++)
        {
            float sum = FcB[c];
            int row = c * Hidden;
            for (int h = 0; h < Hidden; h++) sum += FcW[row + h] * hidden[h];
            logits[c] = sum;
        }
    }

    private void Backward(float[] x, float[] hidden, float[] dLogits, float[] dHidden, float[][] grads)
    {
        float[] gConvW = grads[0], gConvB = grads[1], gFcW = grads[2], gFcB = grads[3];
        Array.Clear(dHidden);
        for (int c = 0; c < Classes; c++)
        {
            float d = dLogits[c];
            gFcB[c] += d;
            int row = c * Hidden;
            for (int h = 0; h < Hidden; h++)
            {
                gFcW[row + h] += d * hidden[h];
                dHidden[h] += d * FcW[row + h];
            }
        }
        for (int oy = 0; oy < OutH; oy++)
        {
            for (int ox = 0; ox < OutW; ox++)
            {
                for (int f = 0; f < Filters; f++)
                {
                    int h = (oy * OutW + ox) * Filters + f;
                    if (hidden[h] <= 0) continue;
                    float d = dHidden[h] * _dropScale;
                    gConvB[f] += d;
                    for (int ky = 0; ky < KH; ky++)
                    {
                        int iy = oy * Stride + ky - PadTop;
                        if ((uint)iy >= InH) continue;
                        int wRow = (f * KH + ky) * KW, xRow = iy * InW;
                        for (int kx = 0; kx < KW; kx++)
                        {
                            int ix = ox * Stride + kx - PadLeft;
                            if ((uint)ix < InW) gConvW[wRow + kx] += d * x[xRow + ix];
                        }
                    }
                }
            }
        }
    }

    private void Adam(float[][] grads, float learningRate, float weightDecay)
    {
        const float beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f;
        _step++;
        float c1 = 1 - MathF.Pow(beta1, _step), c2 = 1 - MathF.Pow(beta2, _step);
        for (int p = 0; p < _params.Length; p++)
        {
            float[] w = _params[p], g = grads[p], m = _m[p], v = _v[p];
            bool decay = p == 0 || p == 2;
            for (int i = 0; i < w.Length; i++)
            {
                float gi = g[i] + (decay ? weightDecay * w[i] : 0f);
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                w[i] -= learningRate * (m[i] / c1) / (MathF.Sqrt(v[i] / c2) + eps);
            }
        }
    }
}
