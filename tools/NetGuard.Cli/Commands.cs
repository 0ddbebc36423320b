using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;
using NetGuard.Updates;

namespace NetGuard.Cli;

/// <summary>The tool's commands (System.CommandLine 3 API: Option&lt;T&gt; with Required, SetAction, ParseResult.GetValue).</summary>
internal sealed class Commands
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    public Commands(TextWriter output, TextWriter error)
    {
        _out = output;
        _err = error;
    }

    public RootCommand Build()
    {
        var root = new RootCommand("netguard: sign and verify NetGuard firmware updates, announcements and key lists.");
        root.Add(Keygen());
        root.Add(Sign());
        root.Add(Verify());
        root.Add(Inspect());
        root.Add(Announce());
        root.Add(Rotate());
        return root;
    }

    private static Option<bool> ForceOption() => new("--force") { Description = "Overwrite existing output files." };

    private Command Keygen()
    {
        var outDir = new Option<string>("--out") { Description = "Directory for netguard.key (private, mode 0600) and netguard.pub.", Required = true };
        var force = ForceOption();
        var command = new Command("keygen", "Generate an Ed25519 signing key pair.") { outDir, force };
        command.SetAction(result => Guarded(() =>
        {
            string directory = result.GetValue(outDir)!;
            bool overwrite = result.GetValue(force);
            string keyPath = Path.Combine(directory, "netguard.key");
            string pubPath = Path.Combine(directory, "netguard.pub");
            RefuseExisting(keyPath, overwrite);
            RefuseExisting(pubPath, overwrite);
            Directory.CreateDirectory(directory);
            byte[] seed = Signer.NewSeed();
            byte[] publicKey = Signer.PublicKey(seed);
            byte[] keyId = KeyFile.KeyId(publicKey);
            WritePrivate(keyPath, KeyFile.Format(KeyFile.PrivateLabel, seed, keyId));
            ConstantTime.Clear(seed);
            File.WriteAllText(pubPath, KeyFile.Format(KeyFile.PublicLabel, publicKey, keyId));
            _out.WriteLine($"key id {Convert.ToHexStringLower(keyId)}");
            _out.WriteLine($"wrote {keyPath} (keep it secret) and {pubPath}");
            return Program.ExitOk;
        }));
        return command;
    }

    private Command Sign()
    {
        var key = new Option<string>("--key") { Description = "Private key file.", Required = true };
        var image = new Option<string>("--image") { Description = "Firmware image to sign.", Required = true };
        var model = new Option<string>("--model") { Description = "Device model (1-32 of A-Z a-z 0-9 -).", Required = true };
        var version = new Option<string>("--version") { Description = "Firmware version X.Y.Z.", Required = true };
        var counter = new Option<uint>("--counter") { Description = "Security counter (anti-rollback).", Required = true };
        var expires = new Option<string?>("--expires") { Description = "Expiry, ISO 8601 (default: none)." };
        var output = new Option<string>("--out") { Description = "Package file to write.", Required = true };
        var force = ForceOption();
        var command = new Command("sign", "Sign a firmware image into an update package.") { key, image, model, version, counter, expires, output, force };
        command.SetAction(result => Guarded(() =>
        {
            string outPath = result.GetValue(output)!;
            RefuseExisting(outPath, result.GetValue(force));
            string modelName = CheckModel(result.GetValue(model)!);
            FirmwareVersion firmware = CheckVersion(result.GetValue(version)!);
            byte[] seed = KeyFile.Read(result.GetValue(key)!, KeyFile.PrivateLabel);
            string imagePath = result.GetValue(image)!;
            if (!File.Exists(imagePath))
            {
                throw new UsageException($"image not found: {imagePath}");
            }

            byte[] imageBytes = File.ReadAllBytes(imagePath);
            long issued = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            long expiry = 0;
            string? expiresText = result.GetValue(expires);
            if (expiresText != null)
            {
                expiry = Program.ParseTime(expiresText, "--expires");
                if (expiry <= issued)
                {
                    throw new UsageException("--expires must be in the future");
                }
            }

            byte[] publicKey = Signer.PublicKey(seed);
            byte[] keyId = KeyFile.KeyId(publicKey);
            var manifest = new UpdateManifest(modelName, firmware, result.GetValue(counter), imageBytes.Length, Sha256.Hash(imageBytes), issued, expiry, keyId);
            byte[] manifestBytes = manifest.ToBytes();
            byte[] signature = Signer.Sign(seed, UpdatePackage.SignedPortion(manifestBytes));
            ConstantTime.Clear(seed);
            File.WriteAllBytes(outPath, UpdatePackage.Assemble(manifestBytes, signature, imageBytes));
            _out.WriteLine($"signed {modelName} {firmware} counter {manifest.SecurityCounter} ({imageBytes.Length} bytes) with key {Convert.ToHexStringLower(keyId)} -> {outPath}");
            return Program.ExitOk;
        }));
        return command;
    }

    private Command Verify()
    {
        var trust = new Option<string[]>("--trust") { Description = "Trusted public key file(s); the first is the root.", Required = true, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var package = new Option<string>("--package") { Description = "Package file to verify.", Required = true };
        var model = new Option<string?>("--model") { Description = "Device model to check against (default: the package's own)." };
        var minCounter = new Option<uint>("--min-counter") { Description = "The device's security counter (default 0)." };
        var at = new Option<string?>("--at") { Description = "Check expiry as of this ISO 8601 time (default: now)." };
        var command = new Command("verify", "Verify a package with the device's own verifier; prints 'accepted' or 'rejected: <ReasonCode>'.") { trust, package, model, minCounter, at };
        command.SetAction(result => Guarded(() =>
        {
            string[] trustFiles = result.GetValue(trust)!;
            var keys = new byte[trustFiles.Length][];
            for (int i = 0; i < trustFiles.Length; i++)
            {
                keys[i] = KeyFile.Read(trustFiles[i], KeyFile.PublicLabel);
            }

            string packagePath = result.GetValue(package)!;
            if (!File.Exists(packagePath))
            {
                throw new UsageException($"package not found: {packagePath}");
            }

            string? modelName = result.GetValue(model);
            if (modelName != null)
            {
                CheckModel(modelName);
            }

            string? atText = result.GetValue(at);
            long now = atText != null ? Program.ParseTime(atText, "--at") : DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            byte[] data = File.ReadAllBytes(packagePath);
            Decision decision = PackageVerifier.Verify(data, new TrustedKeyRing(1, keys, Array.Empty<byte[]>()), modelName, result.GetValue(minCounter), now);
            _out.WriteLine(decision.IsAccepted ? "accepted" : "rejected: " + ReasonCodeNames.Name(decision.Reason));
            return decision.IsAccepted ? Program.ExitOk : Program.ExitRejected;
        }));
        return command;
    }

    private Command Inspect()
    {
        var package = new Argument<string>("package") { Description = "Package file." };
        var command = new Command("inspect", "Print a package's manifest (the signature is not checked).") { package };
        command.SetAction(result => Guarded(() =>
        {
            string path = result.GetValue(package)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"package not found: {path}");
            }

            byte[] data = File.ReadAllBytes(path);
            if (!PackageVerifier.TryReadManifest(data, out UpdateManifest? manifest, out ReasonCode reason) || manifest == null)
            {
                _out.WriteLine("rejected: " + ReasonCodeNames.Name(reason));
                return Program.ExitRejected;
            }

            _out.WriteLine($"format version   {UpdatePackageFormat.ManifestFormatVersion}");
            _out.WriteLine($"model            {manifest.Model}");
            _out.WriteLine($"version          {manifest.Version}");
            _out.WriteLine($"security counter {manifest.SecurityCounter}");
            _out.WriteLine($"image length     {manifest.ImageLength}");
            _out.WriteLine($"image sha256     {Convert.ToHexStringLower(manifest.GetImageSha256())}");
            _out.WriteLine($"issued at        {UnixTime.ToIso8601(manifest.IssuedAt)}");
            _out.WriteLine($"expires at       {(manifest.ExpiresAt == 0 ? "never" : UnixTime.ToIso8601(manifest.ExpiresAt))}");
            _out.WriteLine($"key id           {Convert.ToHexStringLower(manifest.GetKeyId())}");
            _out.WriteLine($"package length   {data.Length}");
            return Program.ExitOk;
        }));
        return command;
    }

    private Command Announce()
    {
        var key = new Option<string>("--key") { Description = "Private key file.", Required = true };
        var model = new Option<string>("--model") { Description = "Device model.", Required = true };
        var version = new Option<string>("--version") { Description = "Latest firmware version X.Y.Z.", Required = true };
        var counter = new Option<uint>("--counter") { Description = "Its security counter.", Required = true };
        var validHours = new Option<int>("--valid-hours") { Description = "Validity in hours, 1 to 48 (default 24).", DefaultValueFactory = _ => 24 };
        var command = new Command("announce", "Print the signed TXT value to publish at _netguard.<model>.<update domain>.") { key, model, version, counter, validHours };
        command.SetAction(result => Guarded(() =>
        {
            int hours = result.GetValue(validHours);
            if (hours < 1 || hours > 48)
            {
                throw new UsageException("--valid-hours must be 1 to 48 (devices refuse announcements valid longer than 48 hours)");
            }

            string modelName = CheckModel(result.GetValue(model)!);
            FirmwareVersion firmware = CheckVersion(result.GetValue(version)!);
            byte[] seed = KeyFile.Read(result.GetValue(key)!, KeyFile.PrivateLabel);
            byte[] keyId = KeyFile.KeyId(Signer.PublicKey(seed));
            long issued = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            byte[] announcement = UpdatePublishing.CreateUnsignedAnnouncement(modelName, firmware, result.GetValue(counter), issued, issued + (hours * 3600L), keyId);
            byte[] signed = new byte[UpdateAnnouncement.SignedLength];
            Array.Copy(announcement, signed, signed.Length);
            byte[] signature = Signer.Sign(seed, signed);
            ConstantTime.Clear(seed);
            Array.Copy(signature, 0, announcement, UpdateAnnouncement.SignedLength, signature.Length);
            _out.WriteLine(UpdatePublishing.ToBase64(announcement));
            return Program.ExitOk;
        }));
        return command;
    }

    private Command Rotate()
    {
        var rootKey = new Option<string>("--root-key") { Description = "The current root's private key file (signs the list).", Required = true };
        var keys = new Option<string[]>("--keys") { Description = "Public key files of the new list; the first becomes the new root.", Required = true, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var revoke = new Option<string[]>("--revoke") { Description = "Key ids (16 hex digits) to revoke.", AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.ZeroOrMore };
        var version = new Option<uint>("--version") { Description = "List version; must exceed the device's current one.", Required = true };
        var output = new Option<string>("--out") { Description = "Key-list file to write.", Required = true };
        var force = ForceOption();
        var command = new Command("rotate", "Sign a new trusted key list with the current root key.") { rootKey, keys, revoke, version, output, force };
        command.SetAction(result => Guarded(() =>
        {
            string outPath = result.GetValue(output)!;
            RefuseExisting(outPath, result.GetValue(force));
            string[] keyFiles = result.GetValue(keys)!;
            if (keyFiles.Length > TrustedKeyRing.MaxKeys)
            {
                throw new UsageException($"--keys: at most {TrustedKeyRing.MaxKeys} keys");
            }

            var publicKeys = new byte[keyFiles.Length][];
            for (int i = 0; i < keyFiles.Length; i++)
            {
                publicKeys[i] = KeyFile.Read(keyFiles[i], KeyFile.PublicLabel);
            }

            var revoked = new List<byte[]>();
            foreach (string id in result.GetValue(revoke) ?? Array.Empty<string>())
            {
                if (id.Length != 16 || !IsHex(id))
                {
                    throw new UsageException($"--revoke: '{id}' is not a key id (16 hex digits)");
                }

                revoked.Add(Convert.FromHexString(id));
            }

            TrustedKeyRing ring;
            try
            {
                ring = new TrustedKeyRing(result.GetValue(version), publicKeys, revoked.ToArray());
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new UsageException("the new root key (first of --keys) cannot be revoked, and at most 32 ids can be revoked");
            }

            byte[] seed = KeyFile.Read(result.GetValue(rootKey)!, KeyFile.PrivateLabel);
            byte[] signerId = KeyFile.KeyId(Signer.PublicKey(seed));
            byte[] signed = ring.ToSignedPortion(signerId);
            byte[] signature = Signer.Sign(seed, signed);
            ConstantTime.Clear(seed);
            byte[] list = new byte[signed.Length + signature.Length];
            signed.CopyTo(list, 0);
            signature.CopyTo(list, signed.Length);
            File.WriteAllBytes(outPath, list);
            _out.WriteLine($"key list version {ring.Version}: {ring.KeyCount} key(s), {ring.RevokedCount} revoked, signed by {Convert.ToHexStringLower(signerId)} -> {outPath}");
            return Program.ExitOk;
        }));
        return command;
    }

    private int Guarded(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UsageException e)
        {
            _err.WriteLine("netguard: " + e.Message);
            return Program.ExitUsage;
        }
        catch (IOException e)
        {
            _err.WriteLine("netguard: " + e.Message);
            return Program.ExitUsage;
        }
        catch (UnauthorizedAccessException e)
        {
            _err.WriteLine("netguard: " + e.Message);
            return Program.ExitUsage;
        }
    }

    private static void RefuseExisting(string path, bool force)
    {
        if (File.Exists(path) && !force)
        {
            throw new UsageException($"{path} exists; use --force to overwrite it");
        }
    }

    private static void WritePrivate(string path, string text)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }

    private static string CheckModel(string model)
    {
        if (!ModelName.IsValid(model))
        {
            throw new UsageException($"--model: '{model}' is not a model name (1 to 32 of A-Z a-z 0-9 -)");
        }

        return model;
    }

    private static FirmwareVersion CheckVersion(string text)
    {
        if (!FirmwareVersion.TryParse(text, out FirmwareVersion version))
        {
            throw new UsageException($"--version: '{text}' is not X.Y.Z (X, Y up to 255, Z up to 65535)");
        }

        return version;
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
