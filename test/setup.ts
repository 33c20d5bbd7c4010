// Gives Node the IndexedDB that Dexie expects, so repositories and migrations are tested
// against a real (in-memory) IndexedDB implementation rather than mocks.
import 'fake-indexeddb/auto';
