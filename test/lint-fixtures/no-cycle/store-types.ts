export interface Store {
  count: number;
}
