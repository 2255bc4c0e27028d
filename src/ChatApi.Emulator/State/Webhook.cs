namespace ChatApi.Emulator.State;

/// <summary>A stored webhook. <see cref="Version"/> is the notification version; <see cref="Revision"/> the ETag.</summary>
public sealed record Webhook(string Id, string Name, string Uri, string Version, int Revision) : IRevisioned;
