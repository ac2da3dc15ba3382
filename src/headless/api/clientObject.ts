import type { HeadlessRequestContext } from "../context";
import { HeadlessOfficeError, propertyNotLoaded } from "../errors";
import { type LoadTree, parseLoadSpec, type LoadSpec, allProperties } from "./loadSpec";

export type Context = HeadlessRequestContext;
export type Resolver<M> = () => M | null;
type Readers<M> = Record<string, (model: M) => unknown>;

/** What a parent needs from a child proxy: load paths, `set`, and path resolution. */
export interface ProxyNode {
  applyLoad(tree: LoadTree): void;
  set(properties: Record<string, unknown>): void;
  resolve(): unknown;
}

/** Result of a method such as getCount(): `value` is readable after sync. */
export class ClientResult<T> {
  private result: { value: T } | undefined;

  get value(): T {
    if (!this.result) throw new HeadlessOfficeError("ValueNotLoaded");
    return this.result.value;
  }

  settle(value: T): void {
    this.result = { value };
  }

  toJSON(): unknown {
    return this.result ?? null;
  }
}

/**
 * Base of every proxy (Office.js ClientObject): a lazily resolved path to a model object, local values
 * of loaded (or locally set) properties, and helpers to queue loads, property sets and method calls.
 * Like OfficeExtension, a property set in the batch is readable locally right away (its setter keeps the
 * value); other properties throw PropertyNotLoaded until loaded and synced.
 */
export abstract class ClientObject<M> implements ProxyNode {
  protected readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, unknown>();
  private resolution: { model: M | null } | undefined;

  constructor(
    readonly context: Context,
    protected readonly resolver: Resolver<M>,
    protected readonly typeName: string,
  ) {}

  /** Scalar properties that load() can fetch. */
  protected abstract readers(): Readers<M>;

  /** Child objects reachable by property paths such as "format/fill/color". */
  protected navigation(): Record<string, ProxyNode> {
    return {};
  }

  get isNullObject(): boolean {
    if (!this.resolution) throw propertyNotLoaded("isNullObject");
    return this.resolution.model === null;
  }

  /** Binds the path to its model object (once, at apply time); null for a null object. */
  resolve(): M | null {
    if (!this.resolution) this.resolution = { model: this.resolver() };
    return this.resolution.model;
  }

  /** Binds a proxy created by a command (e.g. worksheets.add) to the object the command made. */
  bind(model: M): void {
    this.resolution = { model };
  }

  load(spec?: LoadSpec): this {
    const tree = parseLoadSpec(spec);
    this.context.enqueue({ kind: "load", location: `${this.typeName}.load`, payload: spec ?? "*", apply: () => this.applyLoad(tree), response: () => this.toJSON() });
    return this;
  }

  applyLoad(tree: LoadTree): void {
    const model = this.resolve();
    if (model === null) return;
    const readers = this.readers();
    const navigation = this.navigation();
    const scalars = tree.all ? Object.keys(readers) : [...tree.scalars];
    for (const name of scalars) {
      if (name in readers) this.loaded.set(name, readers[name](model));
      else if (name in navigation) navigation[name].applyLoad(allProperties());
      else if (name !== "isNullObject") throw new HeadlessOfficeError("InvalidArgument", `The property '${name}' does not exist on ${this.typeName}.`);
    }
    for (const [name, subtree] of tree.children) {
      const child = navigation[name];
      if (!child) throw new HeadlessOfficeError("InvalidArgument", `The property '${name}' does not exist on ${this.typeName}.`);
      child.applyLoad(subtree);
    }
  }

  /** Sets several properties at once (Office.js `set`). */
  set(properties: Record<string, unknown>): void {
    const navigation = this.navigation();
    for (const [key, value] of Object.entries(properties)) {
      if (key in navigation && value && typeof value === "object" && !Array.isArray(value)) navigation[key].set(value as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[key] = value;
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** Navigation properties return the same proxy every time, as in Office.js. */
  protected memo<T>(key: string, create: () => T): T {
    if (!this.children.has(key)) this.children.set(key, create());
    return this.children.get(key) as T;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as T;
  }

  /** The bound model; null objects make commands no-ops. */
  protected withModel(apply: (model: M) => void): () => void {
    return () => {
      const model = this.resolve();
      if (model !== null) apply(model);
    };
  }

  protected setProperty(property: string, value: unknown, apply: (model: M) => void): void {
    this.loaded.set(property, value);
    this.context.enqueue({ kind: "write", location: `${this.typeName}.${property}`, payload: value ?? null, apply: this.withModel(apply) });
  }

  protected invoke(method: string, payload: unknown, apply: (model: M) => void): void {
    this.context.enqueue({ kind: "write", location: `${this.typeName}.${method}`, payload: payload ?? null, apply: this.withModel(apply) });
  }

  protected query<T>(method: string, compute: (model: M) => T): ClientResult<T> {
    const result = new ClientResult<T>();
    this.context.enqueue({
      kind: "load",
      location: `${this.typeName}.${method}`,
      payload: method,
      apply: this.withModel((model) => result.settle(compute(model))),
      response: () => result.toJSON(),
    });
    return result;
  }

  /** A child proxy whose path is checked at sync (getItem, getRange, ...), failing there if invalid. */
  protected child<C extends ProxyNode>(proxy: C, method: string, orNull = false): C {
    this.context.enqueue({ kind: orNull ? "load" : "resolve", location: `${this.typeName}.${method}`, payload: method, apply: () => void proxy.resolve() });
    return proxy;
  }
}

/** A collection proxy: `items` after load, plus getCount / getItemAt. */
export abstract class ClientCollection<M, I extends ClientObject<M>> extends ClientObject<readonly M[]> {
  /** Collections are live: every command sees the current members. */
  override resolve(): readonly M[] | null {
    return this.resolver();
  }

  protected itemProxy(model: M): I {
    return this.lazyItem(() => model);
  }

  protected readers(): Record<string, (models: readonly M[]) => unknown> {
    return {};
  }

  get items(): I[] {
    return this.read<I[]>("items");
  }

  override applyLoad(tree: LoadTree): void {
    const models = this.resolve();
    if (models === null) return;
    const itemTree = tree.children.get("items") ?? (tree.scalars.has("items") ? allProperties() : tree);
    const items = models.map((model) => {
      const proxy = this.itemProxy(model);
      proxy.applyLoad(itemTree);
      return proxy;
    });
    this.loaded.set("items", items);
  }

  getCount(): ClientResult<number> {
    return this.query("getCount", (models) => models.length);
  }

  getItemAt(index: number): I {
    return this.child(
      this.lazyItem(() => {
        const models = this.resolve();
        if (models === null) return null;
        const model = models[index];
        if (model === undefined) throw new HeadlessOfficeError("ItemNotFound");
        return model;
      }),
      "getItemAt",
    );
  }

  /** An item proxy bound lazily through `find`. */
  protected abstract lazyItem(find: () => M | null): I;
}
