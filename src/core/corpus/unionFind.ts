// Disjoint sets over 0..n-1 with path halving and union by size: near-constant time per operation.

export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    let i = x;
    for (;;) {
      const p = this.parent[i] ?? i;
      if (p === i) return i;
      const gp = this.parent[p] ?? p;
      this.parent[i] = gp;
      i = gp;
    }
  }

  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if ((this.size[ra] ?? 0) < (this.size[rb] ?? 0)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] ?? 0) + (this.size[rb] ?? 0);
    return ra;
  }
}
