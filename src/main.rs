fn main() {
    loopwalk::start();
}
