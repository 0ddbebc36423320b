// Copyright (c) NetGuard contributors. MIT licence.

namespace NetGuard.Cryptography
{
    /// <summary>
    /// Point arithmetic on edwards25519, -x^2 + y^2 = 1 + d x^2 y^2 (RFC 8032 5.1), in the coordinate systems
    /// of Hisil, Wong, Carter and Dawson, "Twisted Edwards Curves Revisited" (ASIACRYPT 2008), with a = -1.
    /// All helpers are variable time and only ever see public data (verification).
    /// </summary>
    internal static class Ed25519Point
    {
        /// <summary>Extended coordinates (X : Y : Z : T): x = X/Z, y = Y/Z, x*y = T/Z (RFC 8032 5.1.4).</summary>
        internal struct Extended
        {
            public Ed25519FieldElement X, Y, Z, T;
        }

        /// <summary>Projective coordinates (X : Y : Z): x = X/Z, y = Y/Z. Enough for doubling.</summary>
        internal struct Projective
        {
            public Ed25519FieldElement X, Y, Z;
        }

        /// <summary>
        /// The "completed" output of an addition or doubling, before the final multiplications:
        /// x = X/Z and y = Y/T. Converting costs 3 (projective) or 4 (extended) multiplications.
        /// </summary>
        internal struct Completed
        {
            public Ed25519FieldElement X, Y, Z, T;
        }

        /// <summary>A point prepared as the right operand of an addition: (Y + X, Y - X, Z, 2d * T).</summary>
        internal struct Cached
        {
            public Ed25519FieldElement YPlusX, YMinusX, Z, T2d;
        }

        /// <summary>An affine point prepared for mixed addition (Z = 1): (y + x, y - x, 2d * x * y).</summary>
        internal struct Precomputed
        {
            public Ed25519FieldElement YPlusX, YMinusX, XY2d;
        }

        /// <summary>Eight cached points (the odd multiples P, 3P, ..., 15P), held in a value type so that building the
        /// per-verification table allocates nothing.</summary>
        internal struct CachedTable8
        {
            public Cached P0, P1, P2, P3, P4, P5, P6, P7;

            /// <summary>Copies entry <paramref name="index"/> (0 .. 7) into <paramref name="result"/>.</summary>
            public static void Get(ref CachedTable8 table, int index, out Cached result)
            {
                switch (index)
                {
                    case 0: result = table.P0; break;
                    case 1: result = table.P1; break;
                    case 2: result = table.P2; break;
                    case 3: result = table.P3; break;
                    case 4: result = table.P4; break;
                    case 5: result = table.P5; break;
                    case 6: result = table.P6; break;
                    default: result = table.P7; break;
                }
            }

            /// <summary>Stores <paramref name="value"/> as entry <paramref name="index"/> (0 .. 7).</summary>
            public static void Set(ref CachedTable8 table, int index, ref Cached value)
            {
                switch (index)
                {
                    case 0: table.P0 = value; break;
                    case 1: table.P1 = value; break;
                    case 2: table.P2 = value; break;
                    case 3: table.P3 = value; break;
                    case 4: table.P4 = value; break;
                    case 5: table.P5 = value; break;
                    case 6: table.P6 = value; break;
                    default: table.P7 = value; break;
                }
            }
        }

        /// <summary>Loads entry <paramref name="index"/> of <see cref="Ed25519Constants.BaseMultiples"/>, i.e. (2 index + 1) B.</summary>
        public static void LoadBaseMultiple(int index, out Precomputed result)
        {
            int offset = index * Ed25519Constants.PrecomputedStride;
            Ed25519FieldElement.FromLimbs(Ed25519Constants.BaseMultiples, offset, out result.YPlusX);
            Ed25519FieldElement.FromLimbs(Ed25519Constants.BaseMultiples, offset + Ed25519Constants.Limbs, out result.YMinusX);
            Ed25519FieldElement.FromLimbs(Ed25519Constants.BaseMultiples, offset + (2 * Ed25519Constants.Limbs), out result.XY2d);
        }

        /// <summary>Sets r to the neutral element (0 : 1 : 1).</summary>
        public static void Identity(out Projective r)
        {
            Ed25519FieldElement.Zero(out r.X);
            Ed25519FieldElement.One(out r.Y);
            Ed25519FieldElement.One(out r.Z);
        }

        /// <summary>Completed to projective: (X*T, Y*Z, Z*T).</summary>
        public static void ToProjective(ref Completed p, out Projective r)
        {
            Ed25519FieldElement.Mul(out r.X, ref p.X, ref p.T);
            Ed25519FieldElement.Mul(out r.Y, ref p.Y, ref p.Z);
            Ed25519FieldElement.Mul(out r.Z, ref p.Z, ref p.T);
        }

        /// <summary>Completed to extended: (X*T, Y*Z, Z*T, X*Y).</summary>
        public static void ToExtended(ref Completed p, out Extended r)
        {
            Ed25519FieldElement.Mul(out r.X, ref p.X, ref p.T);
            Ed25519FieldElement.Mul(out r.Y, ref p.Y, ref p.Z);
            Ed25519FieldElement.Mul(out r.Z, ref p.Z, ref p.T);
            Ed25519FieldElement.Mul(out r.T, ref p.X, ref p.Y);
        }

        /// <summary>Extended to cached form; <paramref name="d2"/> is the curve constant 2d.</summary>
        public static void ToCached(ref Extended p, ref Ed25519FieldElement d2, out Cached r)
        {
            Ed25519FieldElement.Add(out r.YPlusX, ref p.Y, ref p.X);
            Ed25519FieldElement.Sub(out r.YMinusX, ref p.Y, ref p.X);
            r.Z = p.Z;
            Ed25519FieldElement.Mul(out r.T2d, ref p.T, ref d2);
        }

        /// <summary>
        /// Doubling (dbl-2008-hwcd, a = -1): with A = X^2, B = Y^2, the affine formulas
        /// x' = 2xy / (y^2 - x^2) and y' = (y^2 + x^2) / (2 - y^2 + x^2) become
        /// X' = (X + Y)^2 - A - B, Z' = B - A, Y' = A + B, T' = 2 Z^2 - (B - A). 4 squarings.
        /// </summary>
        public static void Double(ref Projective p, out Completed r)
        {
            Ed25519FieldElement a, b, c, s;
            Ed25519FieldElement.Square(out a, ref p.X);
            Ed25519FieldElement.Square(out b, ref p.Y);
            Ed25519FieldElement.Square(out c, ref p.Z);
            Ed25519FieldElement.Add(out c, ref c, ref c);          // 2 Z^2 (two carried terms)
            Ed25519FieldElement.Add(out s, ref p.X, ref p.Y);
            Ed25519FieldElement.Square(out s, ref s);              // (X + Y)^2 = A + B + 2XY
            Ed25519FieldElement.Add(out r.Y, ref b, ref a);        // A + B
            Ed25519FieldElement.Sub(out r.Z, ref b, ref a);        // B - A
            Ed25519FieldElement.Sub(out r.X, ref s, ref r.Y);      // 2XY (three carried terms)
            Ed25519FieldElement.Sub(out r.T, ref c, ref r.Z);      // 2Z^2 - (B - A) (four terms: carry it)
            Ed25519FieldElement.Carry(ref r.T);
        }

        /// <summary>
        /// Addition p + q (add-2008-hwcd-3, a = -1, k = 2d): A = (Y1 - X1)(Y2 - X2), B = (Y1 + X1)(Y2 + X2),
        /// C = T1 * 2d * T2, D = 2 Z1 Z2; x3 = (B - A) / (D + C), y3 = (B + A) / (D - C). 8 multiplications.
        /// </summary>
        public static void Add(ref Extended p, ref Cached q, out Completed r)
        {
            Ed25519FieldElement a, b, c, d, t;
            Ed25519FieldElement.Sub(out t, ref p.Y, ref p.X);
            Ed25519FieldElement.Mul(out a, ref t, ref q.YMinusX);
            Ed25519FieldElement.Add(out t, ref p.Y, ref p.X);
            Ed25519FieldElement.Mul(out b, ref t, ref q.YPlusX);
            Ed25519FieldElement.Mul(out c, ref p.T, ref q.T2d);
            Ed25519FieldElement.Mul(out d, ref p.Z, ref q.Z);
            Ed25519FieldElement.Add(out d, ref d, ref d);
            Ed25519FieldElement.Sub(out r.X, ref b, ref a);
            Ed25519FieldElement.Add(out r.Y, ref b, ref a);
            Ed25519FieldElement.Add(out r.Z, ref d, ref c);
            Ed25519FieldElement.Sub(out r.T, ref d, ref c);
        }

        /// <summary>Subtraction p - q: the addition with -q = (Y - X, Y + X, Z, -2dT), i.e. swapped factors and -C.</summary>
        public static void Subtract(ref Extended p, ref Cached q, out Completed r)
        {
            Ed25519FieldElement a, b, c, d, t;
            Ed25519FieldElement.Sub(out t, ref p.Y, ref p.X);
            Ed25519FieldElement.Mul(out a, ref t, ref q.YPlusX);
            Ed25519FieldElement.Add(out t, ref p.Y, ref p.X);
            Ed25519FieldElement.Mul(out b, ref t, ref q.YMinusX);
            Ed25519FieldElement.Mul(out c, ref p.T, ref q.T2d);
            Ed25519FieldElement.Mul(out d, ref p.Z, ref q.Z);
            Ed25519FieldElement.Add(out d, ref d, ref d);
            Ed25519FieldElement.Sub(out r.X, ref b, ref a);
            Ed25519FieldElement.Add(out r.Y, ref b, ref a);
            Ed25519FieldElement.Sub(out r.Z, ref d, ref c);
            Ed25519FieldElement.Add(out r.T, ref d, ref c);
        }

        /// <summary>Mixed addition p + q with q affine (Z2 = 1, so D = 2 Z1): 7 multiplications.</summary>
        public static void AddPrecomputed(ref Extended p, ref Precomputed q, out Completed r)
        {
            Ed25519FieldElement a, b, c, d, t;
            Ed25519FieldElement.Sub(out t, ref p.Y, ref p.X);
            Ed25519FieldElement.Mul(out a, ref t, ref q.YMinusX);
            Ed25519FieldElement.Add(out t, ref p.Y, ref p.X);
            Ed25519FieldElement.Mul(out b, ref t, ref q.YPlusX);
            Ed25519FieldElement.Mul(out c, ref p.T, ref q.XY2d);
            Ed25519FieldElement.Add(out d, ref p.Z, ref p.Z);
            Ed25519FieldElement.Sub(out r.X, ref b, ref a);
            Ed25519FieldElement.Add(out r.Y, ref b, ref a);
            Ed25519FieldElement.Add(out r.Z, ref d, ref c);
            Ed25519FieldElement.Sub(out r.T, ref d, ref c);
        }

        /// <summary>Mixed subtraction p - q with q affine.</summary>
        public static void SubtractPrecomputed(ref Extended p, ref Precomputed q, out Completed r)
        {
            Ed25519FieldElement a, b, c, d, t;
            Ed25519FieldElement.Sub(out t, ref p.Y, ref p.X);
            Ed25519FieldElement.Mul(out a, ref t, ref q.YPlusX);
            Ed25519FieldElement.Add(out t, ref p.Y, ref p.X);
            Ed25519FieldElement.Mul(out b, ref t, ref q.YMinusX);
            Ed25519FieldElement.Mul(out c, ref p.T, ref q.XY2d);
            Ed25519FieldElement.Add(out d, ref p.Z, ref p.Z);
            Ed25519FieldElement.Sub(out r.X, ref b, ref a);
            Ed25519FieldElement.Add(out r.Y, ref b, ref a);
            Ed25519FieldElement.Sub(out r.Z, ref d, ref c);
            Ed25519FieldElement.Add(out r.T, ref d, ref c);
        }

        /// <summary>
        /// Writes the RFC 8032 5.1.2 encoding of p: y = Y/Z little-endian with the low bit of x = X/Z in bit 255.
        /// One inversion. <paramref name="scratch32"/> receives no secret.
        /// </summary>
        public static void EncodeVar(ref Projective p, byte[] destination, int offset, byte[] scratch32)
        {
            Ed25519FieldElement zInverse, x, y;
            Ed25519FieldElement.Invert(out zInverse, ref p.Z);
            Ed25519FieldElement.Mul(out x, ref p.X, ref zInverse);
            Ed25519FieldElement.Mul(out y, ref p.Y, ref zInverse);
            bool xIsOdd = Ed25519FieldElement.IsNegativeVar(ref x, scratch32);
            Ed25519FieldElement.ToBytes(ref y, destination, offset);
            if (xIsOdd)
            {
                destination[offset + 31] |= 0x80;
            }
        }
    }
}
