// Server presets: each fills the base URL and says what that server needs to answer an extension.
export interface ServerPreset {
  id: string;
  name: string;
  baseURL: string;
  /** What to do on the server side, shown under the preset. */
  help: string;
}

export const SERVER_PRESETS: ServerPreset[] = [
  {
    id: 'openai',
    name: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    help: 'Paste your API key and your fine-tuned model id (ft:davinci-002:ORG:SUFFIX:ID or ft:gpt-4o-mini-…). Mode "auto" picks completion or chat from the id.',
  },
  {
    id: 'azure',
    name: 'Azure OpenAI',
    baseURL: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1/',
    help: 'Replace YOUR-RESOURCE with your resource name; the model is your deployment name; the key is the resource key. Azure has no davinci-002/babbage-002: use a chat model. Saving asks your browser for permission to reach this host.',
  },
  {
    id: 'ollama',
    name: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    help: 'Ollama rejects extension origins until you allow them: start it with OLLAMA_ORIGINS="chrome-extension://*,moz-extension://*" ollama serve (chrome-extension for Chrome and Edge, moz-extension for Firefox). Any non-empty key works; the model is the name shown by "ollama list".',
  },
  {
    id: 'lmstudio',
    name: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    help: 'In LM Studio\'s Developer tab start the server and turn on "Enable CORS". The model is the loaded model\'s identifier; the key can be anything.',
  },
  {
    id: 'vllm',
    name: 'vLLM',
    baseURL: 'http://localhost:8000/v1',
    help: 'vllm serve MODEL --port 8000 (CORS is open by default). The key is what you passed to --api-key, or anything if you passed none; the model is the served model name.',
  },
  {
    id: 'llamacpp',
    name: 'llama.cpp',
    baseURL: 'http://localhost:8080/v1',
    help: 'llama-server -m model.gguf --port 8080 (CORS is open by default). The key is --api-key if you set one; the model name is not checked.',
  },
];

/** Hosts the manifest grants up front; any other host is an optional permission asked for on save. */
export function isPreGrantedHost(baseURL: string): boolean {
  try {
    const u = new URL(baseURL);
    return (
      (u.protocol === 'https:' && u.hostname === 'api.openai.com') ||
      (u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1'))
    );
  } catch {
    return false;
  }
}
