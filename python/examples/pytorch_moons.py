"""Watch your own PyTorch training: python3 python/examples/pytorch_moons.py, then mlptop watch run.jsonl."""
import math, os, sys, torch
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from mlptop_log import RunLog

torch.manual_seed(0)
t = torch.rand(1000) * math.pi                                       # two interleaved half moons
upper = torch.rand(1000) < 0.5
x = torch.stack([torch.cos(t) + (~upper) * 1.0, torch.sin(t) * torch.where(upper, 1.0, -1.0) + (~upper) * 0.5], 1)
x += 0.1 * torch.randn_like(x)
y = (~upper).float().unsqueeze(1)
train_x, test_x, train_y, test_y = x[:800], x[800:], y[:800], y[800:]
model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.Tanh(),
                            torch.nn.Linear(16, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = torch.nn.BCEWithLogitsLoss()
run = RunLog("run.jsonl", weights_every=50)
for epoch in range(1, int(sys.argv[1]) + 1 if len(sys.argv) > 1 else 100_001):
    optimizer.zero_grad()
    loss = loss_fn(model(train_x), train_y)
    loss.backward()
    run.log_model(model)                                             # gradient norms, weights every 50 epochs
    optimizer.step()
    with torch.no_grad():
        test_loss = loss_fn(model(test_x), test_y)
        accuracy = ((model(test_x) > 0).float() == test_y).float().mean()
    run.log(epoch=epoch, train_loss=loss, test_loss=test_loss, test_accuracy=accuracy,
            lr=optimizer.param_groups[0]["lr"])
    if run.obey(optimizer):                                          # Space pauses here; + - ] [ change the lr
        torch.save(model.state_dict(), f"model-{epoch}.pt")          # s asked for a snapshot
