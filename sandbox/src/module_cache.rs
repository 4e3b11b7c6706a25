//! Compiled-module cache. Compiling a module (5 s for the 26 MB python.wasm) happens once per
//! wasm file: the native code is kept in memory and on disk. The disk cache only ever holds code
//! this process compiled from wasm, in a directory the judge owns; its key is the wasm's hash,
//! the wasmtime version and the engine's compatibility hash, so a file from another engine
//! configuration is never loaded.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use wasmtime::{Engine, Module};

use crate::SandboxError;

/// Modules kept in memory; a long-running worker sees few distinct interpreters but many
/// submissions, so the map is simply cleared when it grows past this.
const MEMORY_ENTRIES: usize = 256;

pub struct ModuleCache {
    dir: Option<PathBuf>,
    engine_key: String,
    memory: Mutex<HashMap<String, Module>>,
}

impl ModuleCache {
    pub fn new(engine: &Engine, dir: Option<PathBuf>) -> Self {
        let mut h = DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut h);
        ModuleCache {
            dir,
            // The hash covers the wasmtime version, target, compiler flags and tunables.
            engine_key: format!("engine-{:016x}", h.finish()),
            memory: Mutex::new(HashMap::new()),
        }
    }

    /// The module for `wasm` (whose sha256 is `wasm_hash`), compiled now or taken from a cache.
    pub fn get(
        &self,
        engine: &Engine,
        wasm_hash: &str,
        wasm: &[u8],
    ) -> Result<Module, SandboxError> {
        let key = format!("{wasm_hash}-{}", self.engine_key);
        if let Some(m) = self.lock().get(&key) {
            return Ok(m.clone());
        }
        let module = match self.load_from_disk(engine, &key) {
            Some(m) => m,
            None => {
                let m = Module::new(engine, wasm)
                    .map_err(|e| SandboxError::InvalidModule(format!("{e:#}")))?;
                self.store_on_disk(&key, &m);
                m
            }
        };
        let mut map = self.lock();
        if map.len() >= MEMORY_ENTRIES {
            map.clear();
        }
        map.insert(key, module.clone());
        Ok(module)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Module>> {
        self.memory.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{key}.cwasm")))
    }

    fn load_from_disk(&self, engine: &Engine, key: &str) -> Option<Module> {
        let path = self.path(key)?;
        if !path.exists() {
            return None;
        }
        // SAFETY: the file was written by `store_on_disk` from `Module::serialize` of this same
        // engine configuration (the key says so) into the judge's own cache directory; no user
        // input ever reaches this directory except as wasm compiled by us.
        unsafe { Module::deserialize_file(engine, &path) }.ok()
    }

    /// Best effort: a cache that cannot be written only costs time later.
    fn store_on_disk(&self, key: &str, module: &Module) {
        let (Some(dir), Some(path)) = (self.dir.as_ref(), self.path(key)) else {
            return;
        };
        let Ok(bytes) = module.serialize() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir)
            && tmp.write_all(&bytes).is_ok()
        {
            let _ = tmp.persist(&path);
        }
    }
}
