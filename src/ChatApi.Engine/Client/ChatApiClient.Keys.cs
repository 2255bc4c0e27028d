using System.Threading.Tasks;
using ChatApi.Engine.Http;
using ChatApi.Engine.Json;

namespace ChatApi.Engine
{
    public sealed partial class ChatApiClient
    {
        /// <summary>The public key 8x8 signs v2.0 events with, by key id (the JWS header's kid).</summary>
        public async Task<Jwk> GetJwkAsync(string keyId, CallContext ctx)
        {
            var request = new ApiRequest("GET", $"vcc/{region}/chat/v2/jwk/{Segment(keyId, "KeyId")}/public");
            var response = await SendCheckedAsync(request, ctx, $"Reading public key {keyId}").ConfigureAwait(false);
            using (var doc = JsonRead.Parse(response.Body, "reading public key " + keyId))
            {
                var root = doc.RootElement;
                // A key set answer holds the key under keys[].
                foreach (var key in ModelReader.Items(root, "keys"))
                    if (JsonRead.Str(key, "kid") == keyId) return ModelReader.Jwk(key, region);
                var jwk = ModelReader.Jwk(root, region);
                if (jwk.KeyId == null) jwk.KeyId = keyId;
                return jwk;
            }
        }
    }
}
